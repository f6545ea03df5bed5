package org.gradlab.check.run;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.SelfCheckRunner;

/**
 * The check JVM that {@link CheckProcess} starts: reads one request line on stdin, runs the
 * self-check of each selected exercise over the already-compiled student classes (each under
 * {@link SelfCheckRunner}'s watchdog) and reports on stdout in the {@link Protocol}. The real
 * stdout belongs to the protocol alone: System.out and System.err are pointed at a stream that
 * turns each printed line into an output event, so a student's println cannot corrupt it. Exits
 * right after the last report — abandoned watchdog threads (endless loops) die with it.
 */
public final class CheckMain {
    /** At most this many printed lines are forwarded per run; a student printing in a loop gets a note. */
    static final int MAX_OUTPUT_LINES = 5_000;
    static final int MAX_LINE_LENGTH = 2_000;

    private final PrintStream protocol;
    private int outputLines;

    private CheckMain(PrintStream protocol) {
        this.protocol = protocol;
    }

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        CheckMain main = new CheckMain(protocol);
        int status;
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no request on stdin (CheckMain is started by CheckProcess)");
            }
            Protocol.Request request = Protocol.readRequest(line);
            main.redirectStandardStreams();
            main.check(request);
            status = 0;
        } catch (Throwable t) {
            main.send(Protocol.error(t.getMessage() == null ? t.toString() : t.getMessage()));
            status = 2;
        }
        main.send(Protocol.done());
        // a looping student thread may be left behind (or a non-daemon thread the student started)
        Runtime.getRuntime().halt(status);
    }

    private void check(Protocol.Request request) throws Exception {
        Path workspace = Path.of(request.workspace());
        List<Path> dirs = CheckRequest.exerciseDirs(workspace, request.exercises());
        Duration timeout = Duration.ofMillis(request.timeoutMillis());
        try (URLClassLoader loader = studentLoader(Path.of(request.classesDir()))) {
            for (int i = 0; i < dirs.size(); i++) {
                Path dir = dirs.get(i);
                ExerciseReport report = null;
                String id = dir.getFileName().toString();
                String title = "";
                try {
                    ExerciseManifest m = ExerciseManifest.read(dir);
                    id = m.id();
                    title = m.title();
                    report = CompileProblems.reportOf(m, request.compileProblems());
                } catch (Exception e) {
                    // SelfCheckRunner reports an unreadable manifest itself
                }
                send(Protocol.started(id, title, i, dirs.size()));
                if (report == null) {
                    report = SelfCheckRunner.run(dir, loader, timeout);
                }
                send(Protocol.finished(report));
            }
        }
    }

    /** The student classes on top of this JVM's classpath (the student API and the checker). */
    static URLClassLoader studentLoader(Path classes) throws MalformedURLException {
        return new URLClassLoader("student", new URL[] {classes.toUri().toURL()}, CheckMain.class.getClassLoader());
    }

    private void redirectStandardStreams() {
        PrintStream forward = new PrintStream(new LineForwarder(), true, StandardCharsets.UTF_8);
        System.setOut(forward);
        System.setErr(forward);
        System.setIn(InputStream.nullInputStream());
    }

    private synchronized void send(String line) {
        protocol.print(line);
        protocol.print('\n');
        protocol.flush();
    }

    /** Printed bytes → one output event per line, capped in count and length. */
    private final class LineForwarder extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            synchronized (CheckMain.this) {
                if (b == '\n') {
                    flushLine();
                } else if (line.size() < MAX_LINE_LENGTH * 4) {
                    line.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (CheckMain.this) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        }

        @Override
        public void flush() {
            // lines go out whole, when their newline comes
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            outputLines++;
            if (outputLines < MAX_OUTPUT_LINES) {
                send(Protocol.output(text.length() > MAX_LINE_LENGTH ? text.substring(0, MAX_LINE_LENGTH) + "…" : text));
            } else if (outputLines == MAX_OUTPUT_LINES) {
                send(Protocol.output("… (more output from your code was dropped: " + MAX_OUTPUT_LINES
                        + " lines at most)"));
            }
        }
    }
}
