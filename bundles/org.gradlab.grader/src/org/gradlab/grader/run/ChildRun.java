package org.gradlab.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.gradlab.grader.report.ReportJson;
import org.gradlab.grader.spec.ExerciseResult;

/**
 * One grading JVM as the parent sees it: the process (tree), the authenticated events it sent,
 * and its stderr, which carries the student's output into an {@link OutputCapture}.
 */
final class ChildRun implements AutoCloseable {
    /** A line longer than this is not a channel message; the rest of it is skipped. */
    private static final int MAX_LINE = 16 << 20;
    private static final int TAIL = 4096;

    sealed interface Event permits Hello, Started, Finished, Done, Exited {
    }

    /** The JVM is up and its channel works. */
    record Hello() implements Event {
    }

    record Started(String exercise) implements Event {
    }

    record Finished(String exercise, ExerciseResult result) implements Event {
    }

    /** Every exercise given to this child has been reported. */
    record Done() implements Event {
    }

    /** The process ended; {@code tail} is the end of its stderr (crash messages). */
    record Exited(int code, String tail) implements Event {
    }

    private final Process process;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final ResultChannel.Verifier verifier;
    private final ByteArrayOutputStream tail = new ByteArrayOutputStream();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ChildRun(Process process, byte[] key, OutputCapture output) {
        this.process = process;
        this.verifier = new ResultChannel.Verifier(key);
        this.stderrReader = Thread.ofPlatform().daemon().name("gradlab-child-stderr").start(() -> pumpStderr(output));
        this.stdoutReader = Thread.ofPlatform().daemon().name("gradlab-child-channel").start(this::readChannel);
    }

    /** Starts {@code command} in {@code directory} with an empty environment and hands it a fresh channel key. */
    static ChildRun start(List<String> command, Path directory, OutputCapture output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
        pb.environment().clear();   // nothing of the grader's environment (tokens, paths) reaches the child
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        byte[] key = ResultChannel.newKey();
        Process p = pb.start();
        ChildRun run = new ChildRun(p, key, output);
        try {
            OutputStream stdin = p.getOutputStream();
            stdin.write((ResultChannel.hex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();   // kept open: the child halts when it closes (our exit or close())
        } catch (IOException e) {
            // the child died at once; its Exited event says so
        }
        return run;
    }

    /** The next event, or null if none came before {@code deadlineNanos} ({@link System#nanoTime()}). */
    Event next(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        return wait <= 0 ? events.poll() : events.poll(wait, TimeUnit.NANOSECONDS);
    }

    /** Lines the parent refused (forged, corrupt, replayed or out of sequence). */
    int rejectedLines() {
        return verifier.rejected();
    }

    long pid() {
        return process.pid();
    }

    private void readChannel() {
        try (InputStream in = process.getInputStream()) {
            for (String line; (line = readLine(in)) != null; ) {
                verifier.accept(line).flatMap(ChildRun::event).ifPresent(events::add);
            }
        } catch (IOException | RuntimeException e) {
            // the pipe broke: the process is ending
        }
        int code;
        try {
            code = process.waitFor();
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            code = -1;
        }
        events.add(new Exited(code, tailText()));
    }

    private static Optional<Event> event(Map<String, Object> m) {
        Object exercise = m.get("exercise");
        return Optional.ofNullable(switch (String.valueOf(m.get("event"))) {
            case "hello" -> new Hello();
            case "start" -> exercise instanceof String id ? new Started(id) : null;
            case "result" -> exercise instanceof String id && m.get("result") != null
                    ? new Finished(id, ReportJson.exerciseFromJson(m.get("result"))) : null;
            case "done" -> new Done();
            default -> null;
        });
    }

    /** Reads one '\n'-terminated line; null at end of stream. Overlong lines come back empty. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                return line.size() == 0 && !overlong ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (c == '\n') {
                return overlong ? "" : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() < MAX_LINE) {
                line.write(c);
            } else {
                overlong = true;
            }
        }
    }

    private void pumpStderr(OutputCapture output) {
        byte[] buf = new byte[8192];
        try (InputStream err = process.getErrorStream()) {
            for (int n; (n = err.read(buf)) >= 0; ) {
                output.write(buf, 0, n);
                synchronized (tail) {
                    tail.write(buf, 0, n);
                    if (tail.size() > 2 * TAIL) {
                        byte[] t = tail.toByteArray();
                        tail.reset();
                        tail.write(t, t.length - TAIL, TAIL);
                    }
                }
            }
        } catch (IOException ignored) {
            // process gone
        }
    }

    private String tailText() {
        synchronized (tail) {
            return tail.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Kills the whole process tree: the descendants first (listed while the child is alive, so none
     * is orphaned out of reach; a second sweep catches what was forked meanwhile — SIGKILL cannot
     * be caught, so a killed process forks no more), then the child, and waits for the child. Under
     * bubblewrap killing its PID namespace's first process makes the kernel kill everything inside.
     * Killed descendants are not waited for: they are dead, only their reaping is left.
     */
    void kill() {
        for (int sweep = 0; sweep < 2; sweep++) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the child. After "done" it has flushed everything and only halts, and halting would wait
     * up to 300 ms for its stdin watchdog blocked in a native read; killing it is immediate.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            stdoutReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
