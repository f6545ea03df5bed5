package org.gradlab.grader.batch;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.gradlab.grader.run.SubmissionGrading;
import org.gradlab.grader.run.SubmissionReport;

/**
 * Runs {@code jobs} concurrent {@link SubmissionGrading#grade} calls (each runs its submission in
 * its own child JVM, so plain threads that wait on them are enough) and journals each report the
 * moment it is done. Results do not depend on {@code jobs}: every submission is graded with the
 * same seed, alone. Cancelling is cooperative on our side (no submission starts after it) and
 * forceful on the children's (the workers are interrupted, and the runner kills its JVMs).
 */
final class ParallelGrader {
    /** How often a wait for the next finished submission looks at the cancel flag: short enough to feel immediate. */
    static final long POLL_MILLIS = 100;

    private ParallelGrader() {
    }

    /** A graded submission and the wall time its grading took here. */
    record Graded(SubmissionReport report, long millis) {
    }

    /** What finished (and was journaled), and whether the run was cancelled before the end. */
    record Result(Map<String, Graded> done, boolean cancelled) {
    }

    static Result grade(List<Submission> todo, long seed, int jobs, SubmissionGrading grading, Journal journal,
            BatchListener listener, BooleanSupplier cancel) throws InterruptedException {
        Map<String, Graded> done = new TreeMap<>();
        if (todo.isEmpty()) {
            return new Result(done, false);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size()), r -> {
            Thread t = new Thread(r, "gradlab-grade-" + threads.incrementAndGet());
            t.setDaemon(true); // a worker stuck in a runner must not keep the JVM alive after an abort
            return t;
        });
        ExecutorCompletionService<Graded> completion = new ExecutorCompletionService<>(pool);
        // The first failure: once set, queued submissions do not start, and it is the one reported.
        AtomicReference<GradingAborted> failure = new AtomicReference<>();
        // On Ctrl-C / SIGTERM: interrupt the workers so the runners kill their child JVMs before we exit.
        Thread stop = new Thread(() -> stop(pool), "gradlab-grade-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            for (Submission s : todo) {
                completion.submit(() -> gradeOne(s, seed, grading, journal, listener, failure, cancel));
            }
            for (int k = 0; k < todo.size(); ) {
                if (cancel.getAsBoolean()) {
                    stop(pool);
                    collectFinished(completion, done);   // those that finished while stopping are journaled too
                    return new Result(done, true);
                }
                Future<Graded> f = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                k++;
                try {
                    Graded g = f.get();
                    done.put(g.report().name(), g);
                } catch (ExecutionException e) {
                    if (cancel.getAsBoolean()) {
                        continue;   // a worker that saw the cancel flag: handled at the top of the loop
                    }
                    Throwable cause = e.getCause();
                    GradingAborted first = failure.get();
                    throw first != null ? first : new GradingAborted(String.valueOf(cause), cause);
                }
            }
            return new Result(done, false);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
            stop(pool); // after an abort: interrupt the other workers (runners stop their child JVMs)
        }
    }

    /** Adds the futures already completed with a report; failed or interrupted ones are left out (not journaled). */
    private static void collectFinished(ExecutorCompletionService<Graded> completion, Map<String, Graded> done) {
        for (Future<Graded> f; (f = completion.poll()) != null; ) {
            try {
                Graded g = f.get();
                done.put(g.report().name(), g);
            } catch (ExecutionException | InterruptedException e) {
                // not finished: a rerun grades it
            }
        }
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Graded gradeOne(Submission s, long seed, SubmissionGrading grading, Journal journal,
            BatchListener listener, AtomicReference<GradingAborted> failure, BooleanSupplier cancel) {
        if (failure.get() != null || cancel.getAsBoolean()) {
            throw new GradingAborted("not started: the batch is stopping", null);
        }
        long start = System.nanoTime();
        SubmissionReport r;
        try {
            r = grading.grade(s.path(), s.name(), seed);
        } catch (RuntimeException | Error e) {
            throw fail(failure, new GradingAborted("grading " + s.name() + " failed: " + e, e));
        }
        if (Thread.currentThread().isInterrupted()) {
            // The batch is stopping: whatever the runner returned ("grading interrupted") is not the
            // student's result and must not be journaled, so that a rerun grades it.
            throw fail(failure, new GradingAborted("grading " + s.name() + " was interrupted", null));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (r == null || !r.name().equals(s.name()) || r.seed() != seed) {
            throw fail(failure, new GradingAborted("grading " + s.name() + " returned a report for "
                    + (r == null ? "nothing" : "'" + r.name() + "' with seed " + r.seed())
                    + " instead of '" + s.name() + "' with seed " + seed, null));
        }
        try {
            journal.write(r);
        } catch (IOException e) {
            throw fail(failure, new GradingAborted("cannot write the journal entry of " + s.name() + ": "
                    + e.getMessage(), e));
        }
        listener.finished(r, millis);
        return new Graded(r, millis);
    }

    private static GradingAborted fail(AtomicReference<GradingAborted> failure, GradingAborted e) {
        failure.compareAndSet(null, e);
        return e;
    }
}
