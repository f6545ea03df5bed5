package org.gradlab.grader.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The OS sandbox of the grading JVM: bubblewrap where it is installed and works. Inside, the JVM
 * sees the system's read-only {@code /usr} (libraries), the JDK and the grader's class folders/jars
 * read-only at their own paths, the submission's compiled classes read-only, a fresh
 * {@code /proc} and minimal {@code /dev}, and a small private tmpfs as its working folder — no
 * network, its own PID namespace (killing bubblewrap kills everything in it), an empty
 * environment, no capabilities, and nothing else of the host: no home folders, no repository, no
 * other submissions. When bubblewrap is missing or fails its one-time trial run, grading goes on
 * in a plain forked JVM and the report's {@code isolation} says what was lost.
 */
final class Sandbox {
    /** Where the private scratch tmpfs appears inside the sandbox. */
    static final String SCRATCH = "/scratch";
    private static final long SCRATCH_BYTES = 16L << 20;
    /** bwrap path → "" when it works, else why not; probed once per grader JVM. */
    private static final Map<Path, String> PROBES = new ConcurrentHashMap<>();

    private final Path bwrap;
    private final String description;

    private Sandbox(Path bwrap, String description) {
        this.bwrap = bwrap;
        this.description = description;
    }

    static Sandbox of(GraderConfig config) {
        String limits = String.format(java.util.Locale.ROOT, "heap %d MB, %s per exercise, %s per submission",
                config.heapMb(), seconds(config.exerciseSeconds()), seconds(config.submissionSeconds()));
        if (config.sandbox() == SandboxMode.NONE) {
            return reduced("sandbox disabled (sandbox NONE)", limits);
        }
        Path b = find();
        String problem = b == null ? "bubblewrap (bwrap) is not installed" : PROBES.computeIfAbsent(b, Sandbox::probe);
        if (problem.isEmpty()) {
            return new Sandbox(b, "bubblewrap sandbox (no network, own PID namespace, read-only JDK and grader"
                    + " classes, private scratch, nothing else of the host visible); forked JVM, " + limits);
        }
        if (config.sandbox() == SandboxMode.BWRAP) {
            throw new IllegalStateException("sandbox BWRAP requested, but " + problem);
        }
        return reduced(problem, limits);
    }

    private static Sandbox reduced(String why, String limits) {
        return new Sandbox(null, "reduced: " + why + "; forked JVM with heap and time limits only (" + limits
                + "), no OS sandbox: files and network are guarded by the bytecode policy alone");
    }

    static String seconds(double s) {
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    boolean isolated() {
        return bwrap != null;
    }

    String description() {
        return description;
    }

    /** The grading JVM's working folder as it sees it. */
    String workDir(Path hostWork) {
        return isolated() ? SCRATCH : hostWork.toString();
    }

    /**
     * The command that runs {@code java} (its arguments using host paths) inside the sandbox, with
     * {@code readOnly} paths (JDK, classpath, the submission's classes) visible at their own paths.
     */
    List<String> wrap(List<String> java, List<Path> readOnly) {
        if (!isolated()) {
            return java;
        }
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString()));
        cmd.addAll(base());
        Set<Path> binds = new LinkedHashSet<>();
        for (Path p : readOnly) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith("/usr/") && binds.stream().noneMatch(abs::startsWith)) {
                binds.add(abs);
            }
        }
        for (Path p : binds) {
            cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        cmd.addAll(List.of("--remount-ro", "/"));   // the sandbox's own root too: only the scratch tmpfs is writable
        cmd.add("--");
        cmd.addAll(java);
        return cmd;
    }

    /** Options shared by the trial run and real runs. */
    private static List<String> base() {
        List<String> a = new ArrayList<>(List.of("--unshare-all", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG",
                "C.UTF-8", "--hostname", "gradlab", "--ro-bind", "/usr", "/usr"));
        for (String dir : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64")) {
            Path p = Path.of(dir);
            if (Files.isSymbolicLink(p)) {   // merged /usr: /lib -> usr/lib
                try {
                    a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) {
                a.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(SCRATCH_BYTES), "--tmpfs",
                SCRATCH, "--chdir", SCRATCH));
        return a;
    }

    private static Path find() {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/bin", "/bin", "/usr/local/bin"));
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, "bwrap");
            if (Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }

    /** Runs {@code true} in the sandbox once: "" if that worked, else the reason it did not. */
    private static String probe(Path bwrap) {
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString()));
        cmd.addAll(base());
        cmd.addAll(List.of("--remount-ro", "/", "--", "true"));
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "bubblewrap did not finish a trial run within 10 s";
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() == 0) {
                return "";
            }
            return "bubblewrap does not work here (" + (err.isEmpty() ? "exit code " + p.exitValue()
                    : err.lines().findFirst().orElse(err)) + ")";
        } catch (IOException e) {
            return "bubblewrap cannot be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying bubblewrap";
        }
    }
}
