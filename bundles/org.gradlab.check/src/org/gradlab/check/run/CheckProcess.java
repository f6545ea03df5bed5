package org.gradlab.check.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.gradlab.check.json.Json;
import org.gradlab.check.json.JsonParseException;
import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * Runs a check in a child JVM ({@link CheckMain}) and hears it as it goes, so that nothing the
 * student's code does — loop, exit, crash, print — can freeze or break the caller (the IDE). The
 * caller's thread reads the child's reports and calls the listener; every 100 ms at most it asks
 * {@code cancelled} and, when told so, kills the child and everything it started. An overall time
 * limit (exercises × the per-exercise limit, plus start-up slack) kills a child that hangs past
 * its own watchdogs.
 */
public final class CheckProcess {
    /** Time for the JVM to start and for the self-check's own bookkeeping, on top of the exercises' limits. */
    static final Duration SLACK = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;
    private static final int STDERR_LINES = 20;
    private static final String END = new String("end of the child's output"); // identity marks the end

    private CheckProcess() {
    }

    /**
     * Runs {@code request}; never throws for anything the student can cause (that becomes
     * {@link CheckRun#problem()}), only {@link IllegalArgumentException} for a bad request (which
     * {@link CheckRequest} already refuses when made).
     */
    public static CheckRun run(CheckRequest request, CheckListener listener, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        int exercises = request.exerciseDirs().size();
        Duration limit = request.perExerciseTimeout().multipliedBy(Math.max(1, exercises)).plus(SLACK);
        List<String> command = command(request);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(request.workspace().toFile()).start();
        } catch (IOException | RuntimeException e) {
            return new CheckRun(List.of(), false, "the check JVM could not start: " + e.getMessage(), since(t0));
        }
        Session session = new Session(listener);
        Deque<String> stderr = new ArrayDeque<>();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            daemon("gradlab-check-stdout", () -> pump(process.getInputStream(), lines::add, () -> lines.add(END)));
            Thread stderrReader = daemon("gradlab-check-stderr", () -> pump(process.getErrorStream(), l -> {
                synchronized (stderr) {
                    stderr.addLast(l);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }, () -> { }));
            sendRequest(process, request);
            long deadline = t0 + limit.toNanos();
            while (true) {
                if (cancelled.getAsBoolean()) {
                    killTree(process);
                    return new CheckRun(session.reports, true, null, since(t0));
                }
                if (System.nanoTime() > deadline) {
                    killTree(process);
                    return new CheckRun(session.reports, false, "the check was stopped after " + limit.toSeconds()
                            + " s, its overall time limit (" + exercises + " exercise(s) × "
                            + request.perExerciseTimeout().toSeconds() + " s + " + SLACK.toSeconds()
                            + " s to start)" + session.where(), since(t0));
                }
                String line = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (line == END) {
                    break;
                }
                if (line != null) {
                    session.hear(line);
                }
                if (session.done) {
                    break;
                }
            }
            // the child halts right after "done"; a child that closed its output without it is ending too
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                killTree(process);
            }
            if (session.error != null) {
                return new CheckRun(session.reports, false, "the check could not run: " + session.error, since(t0));
            }
            if (!session.done) {
                stderrReader.join(1000); // the child is gone: let the reader take its last words before the tail is read
                return new CheckRun(session.reports, false, "the check JVM died (exit " + exitValue(process) + ")"
                        + session.where() + tail(stderr), since(t0));
            }
            return new CheckRun(session.reports, false, null, since(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            return new CheckRun(session.reports, true, null, since(t0));
        } finally {
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    /** {@code java -cp <api> org.gradlab.check.run.CheckMain}: the student classes come in by the request. */
    static List<String> command(CheckRequest request) {
        List<String> c = new ArrayList<>();
        c.add(request.javaExecutable().toString());
        c.add("-Xmx1g");
        c.add("-XX:+UseSerialGC");                   // one core is plenty, and leaves the IDE the others
        c.add("-XX:TieredStopAtLevel=1");            // short runs: C1 starts fastest
        c.add("-Dstdout.encoding=UTF-8");
        c.add("-Dstderr.encoding=UTF-8");
        c.add("-Djava.awt.headless=true");
        c.add("-cp");
        c.add(request.apiClasspath().stream().map(Object::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        c.add(CheckMain.class.getName());
        return c;
    }

    private static void sendRequest(Process process, CheckRequest request) {
        try (OutputStream in = process.getOutputStream()) {
            in.write((Protocol.request(request) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child died before reading it: its exit and stderr tell why
        }
    }

    /** What the parent has heard so far. */
    private static final class Session {
        final CheckListener listener;
        final List<ExerciseReport> reports = new ArrayList<>();
        String current;       // the exercise started last
        String error;
        boolean done;

        Session(CheckListener listener) {
            this.listener = listener;
        }

        void hear(String line) {
            Map<?, ?> event;
            try {
                event = Json.parse(line) instanceof Map<?, ?> m ? m : null;
            } catch (JsonParseException e) {
                event = null;
            }
            if (event == null || !(event.get(Protocol.EVENT) instanceof String name)) {
                listener.output(line); // not the protocol: something wrote to the real stdout (a JVM warning)
                return;
            }
            try {
                dispatch(name, event, line);
            } catch (ReportJson.FormatException e) {
                listener.output(line); // not ours after all: student code that wrote to FileDescriptor.out
            }
        }

        private void dispatch(String name, Map<?, ?> event, String line) {
            switch (name) {
                case Protocol.STARTED -> {
                    current = ReportJson.string(event, "id", "started");
                    listener.started(current, ReportJson.optString(event, "title", "started"),
                            (int) ReportJson.number(event, "index", "started"),
                            (int) ReportJson.number(event, "total", "started"));
                }
                case Protocol.FINISHED -> {
                    ExerciseReport r = ReportJson.report(event.get("report"), "finished.report");
                    reports.add(r);
                    listener.finished(r);
                }
                case Protocol.OUTPUT -> listener.output(String.valueOf(event.get("line")));
                case Protocol.ERROR -> error = String.valueOf(event.get("message"));
                case Protocol.DONE -> done = true;
                default -> listener.output(line);
            }
        }

        /** " during 03-activations", " after 03-activations", " before the first exercise". */
        String where() {
            if (current == null) {
                return " before the first exercise";
            }
            boolean finished = !reports.isEmpty() && reports.get(reports.size() - 1).id().equals(current);
            return (finished ? " after " : " during ") + current;
        }
    }

    private static void pump(InputStream in, Consumer<String> line, Runnable atEnd) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                line.accept(l);
            }
        } catch (IOException e) {
            // the child is gone
        } finally {
            atEnd.run();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Kills the child and everything it started (descendants first: once it is gone they are orphans). */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String exitValue(Process p) {
        try {
            return String.valueOf(p.exitValue());
        } catch (IllegalThreadStateException e) {
            return "still running, killed";
        }
    }

    private static String tail(Deque<String> stderr) {
        List<String> last;
        synchronized (stderr) {
            last = stderr.stream().filter(l -> !l.isBlank()).toList();
        }
        if (last.isEmpty()) {
            return "";
        }
        return ": " + String.join(" | ", last.subList(Math.max(0, last.size() - 3), last.size())).strip();
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
