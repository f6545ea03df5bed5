package org.gradlab.grader.run;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.grader.report.ReportJson;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Status;
import org.gradlab.grader.spec.StudentCode;

/**
 * Main class of the grading JVM. Before any student class is loaded it reads the channel key from
 * stdin, replaces {@code System.in} by an empty stream and points {@code System.out}/{@code err} at a
 * capped copy of the process's stderr (the student's output, which the parent collects); stdout
 * stays the private result channel. Then it grades each exercise in a fresh class loader (no static
 * state survives from one exercise to the next), announcing each before it starts so the parent can
 * time it and, if the JVM dies or hangs, knows which exercise was running.
 *
 * <p>Arguments: {@code --classes DIR --seed N --output-limit BYTES SPEC_CLASS...}.
 */
public final class GradingChild {
    /** Messages student code can inflate (its exception texts) stay readable and fit the channel. */
    private static final int MAX_TEXT = 4000;

    private GradingChild() {
    }

    public static void main(String[] args) throws IOException {
        InputStream control = System.in;
        byte[] key = ResultChannel.unhex(readLine(control));
        System.setIn(InputStream.nullInputStream());
        // dies with the parent when no bubblewrap does it: the parent holds stdin open while it waits
        Thread watchdog = new Thread(() -> {
            try {
                while (control.read() >= 0) {
                    // drain until the parent's end closes
                }
            } catch (IOException ignored) {
                // closed
            }
            Runtime.getRuntime().halt(70);
        }, "gradlab-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Path classes = null;
        long seed = 0;
        int outputLimit = 64 * 1024;
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--classes" -> classes = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--output-limit" -> outputLimit = Integer.parseInt(args[++i]);
                default -> specs.add(args[i]);
            }
        }
        StudentOutput studentOutput = new StudentOutput(new FileOutputStream(FileDescriptor.err), outputLimit + 1L);
        PrintStream student = new PrintStream(studentOutput, true, StandardCharsets.UTF_8);
        System.setOut(student);
        System.setErr(student);
        OutputStream channel = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        ResultChannel.Signer signer = new ResultChannel.Signer(key);

        send(channel, signer, event("hello", null));
        URL[] urls = {classes.toUri().toURL()};
        ClassLoader api = new StudentApiOnly(GradingChild.class.getClassLoader());
        for (String specClass : specs) {
            ExerciseSpec spec = instantiate(specClass);
            studentOutput.section(spec.id());
            send(channel, signer, event("start", spec.id()));
            ExerciseResult result;
            try (URLClassLoader loader = new URLClassLoader("student", urls, api)) {
                result = sanitized(spec.grade(new StudentCode(loader), seed), spec);
            } catch (Throwable t) {   // a grader failure, often provoked by the submission (heap exhausted)
                result = Results.zero(spec, Status.CRASHED, "grading stopped: " + t);
            }
            student.flush();
            Map<String, Object> m = event("result", spec.id());
            m.put("result", ReportJson.toJson(result));
            send(channel, signer, m);
        }
        send(channel, signer, event("done", null));
        student.flush();
        Runtime.getRuntime().halt(0);   // nothing else may run: no shutdown hooks, no lingering threads
    }

    private static Map<String, Object> event(String name, String exercise) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", name);
        if (exercise != null) {
            m.put("exercise", exercise);
        }
        return m;
    }

    private static void send(OutputStream channel, ResultChannel.Signer signer, Map<String, Object> payload)
            throws IOException {
        channel.write((signer.line(payload) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.flush();
    }

    private static ExerciseSpec instantiate(String className) {
        try {
            return (ExerciseSpec) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot instantiate exercise spec " + className + ": " + e, e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            sb.append((char) c);
            if (sb.length() > 256) {
                throw new IOException("channel key line too long");
            }
        }
        return sb.toString().strip();
    }

    /** The result with every string the JSON codec requires present (specs may leave messages null). */
    private static ExerciseResult sanitized(ExerciseResult r, ExerciseSpec spec) {
        List<CheckResult> checks = r.checks().stream().map(c -> new CheckResult(c.part(), text(c.name()), c.passed(),
                text(c.message()), c.diagnosis() == null ? null : text(c.diagnosis()), c.notStarted())).toList();
        return new ExerciseResult(spec.id(), text(r.title()), r.status() == null ? Status.GRADED : r.status(),
                r.parts(), checks, text(r.note()));
    }

    private static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "… [" + (s.length() - MAX_TEXT)
                + " more characters]";
    }

    /**
     * The parent of every student class loader: the JDK plus the student API ({@code org.gradlab.core},
     * not its spi) and nothing else, so even code that slipped past the policy cannot link against
     * the engine or the grader.
     */
    private static final class StudentApiOnly extends ClassLoader {
        private final ClassLoader grader;

        StudentApiOnly(ClassLoader grader) {
            super("student-api", ClassLoader.getPlatformClassLoader());
            this.grader = grader;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("org.gradlab.core.") && !name.startsWith("org.gradlab.core.spi.")) {
                return grader.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }

    /**
     * The student's System.out/err: bytes pass to the process's stderr until the cap (one byte more
     * than the report keeps, so the parent sees the truncation), each exercise's output under a
     * header written before its first byte. close() is ignored: the stream is the grader's.
     */
    private static final class StudentOutput extends OutputStream {
        private final OutputStream out;
        private final long cap;
        private long written;
        private String pendingHeader;

        StudentOutput(OutputStream out, long cap) {
            this.out = out;
            this.cap = cap;
        }

        synchronized void section(String exercise) {
            pendingHeader = "[" + exercise + "]\n";
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len <= 0 || written >= cap) {
                return;
            }
            if (pendingHeader != null) {
                byte[] h = pendingHeader.getBytes(StandardCharsets.UTF_8);
                pendingHeader = null;
                write(h, 0, h.length);
            }
            int n = (int) Math.min(len, cap - written);
            out.write(b, off, n);
            written += n;
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the grader's stream: student code may not close it
        }
    }
}
