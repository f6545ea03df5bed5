package org.gradlab.grader.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gradlab.check.Folders;
import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.compile.CompileResult;
import org.gradlab.grader.compile.StudentApi;
import org.gradlab.grader.compile.SubmissionCompiler;
import org.gradlab.grader.policy.BytecodePolicy;
import org.gradlab.grader.policy.Violation;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Status;

/**
 * Grades one submission from folder or .zip to report: intake into a private scratch folder,
 * ECJ against the student API, the bytecode policy, then the exercises in a forked, sandboxed
 * JVM ({@link GradingChild}) whose results arrive on an authenticated channel. The parent owns
 * every limit: it times each exercise from the child's announcement, kills the process tree of
 * a child that runs over or dies, scores that exercise TIMED_OUT or CRASHED, and grades the
 * remaining exercises in a new child. Exercises are decided without running where possible:
 * compile errors in an exercise's classes (COMPILE_ERROR), policy violations (POLICY_VIOLATION;
 * the offending classes are deleted so nothing can load them), none of its classes handed in
 * (MISSING). Thread-safe: each call works in its own scratch folder.
 */
public final class SubmissionGrader implements SubmissionGrading {
    /** Stack of the grading JVM's threads: deep enough for the grader, quick to overflow for runaway recursion. */
    static final String STACK = "-Xss4m";
    private static final int NOTE_ERRORS = 3;

    private final GraderConfig config;
    private final Sandbox sandbox;
    private final SubmissionCompiler compiler;
    /** The java executable without symbolic links: the sandbox shows the JDK only at its real path. */
    private final Path java;

    /** @throws IllegalStateException when the config asks for bubblewrap and it does not work here */
    public SubmissionGrader(GraderConfig config) {
        this.config = config;
        this.sandbox = Sandbox.of(config);
        this.compiler = new SubmissionCompiler(StudentApi.locate());
        Path real;
        try {
            real = config.java().toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("grader config: no java executable at " + config.java(), e);
        }
        this.java = real;
    }

    public SubmissionGrader() {
        this(GraderConfig.defaults());
    }

    public GraderConfig config() {
        return config;
    }

    /** What every report of this grader says about isolation. */
    public String isolation() {
        return sandbox.description() + (config.policy() ? "" : "; bytecode policy OFF (test configuration)");
    }

    @Override
    public SubmissionReport grade(Path submission, String name, long seed) {
        long start = System.nanoTime();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gradlab-grade-");   // owner-only (0700) on POSIX
            return grade(submission, name, seed, scratch, start);
        } catch (IOException | RuntimeException e) {
            return failed(name, seed, List.of(), List.of(), "grading failed: " + e, Status.CRASHED, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(name, seed, List.of(), List.of(), "grading interrupted", Status.CRASHED, start);
        } finally {
            Folders.deleteQuietly(scratch);
        }
    }

    private SubmissionReport grade(Path submission, String name, long seed, Path scratch, long start)
            throws IOException, InterruptedException {
        Intake.Sources sources = Intake.prepare(submission, scratch, config.maxExpandedBytes(), config.maxEntries());
        if (!sources.error().isEmpty()) {
            return failed(name, seed, sources.rejected(), sources.refused(), sources.error(), Status.MISSING, start);
        }
        Path classes = scratch.resolve("classes");
        CompileResult compiled = compiler.compile(sources.root(), classes);
        List<CompileDiagnostic> diagnostics = new ArrayList<>(sources.rejected());
        diagnostics.addAll(compiled.diagnostics());
        List<Violation> violations = config.policy() ? BytecodePolicy.check(classes) : List.of();
        removeClasses(classes, violations.stream().map(Violation::topLevelName).collect(Collectors.toSet()));
        Set<String> present = classNames(classes);

        Map<String, ExerciseResult> results = new HashMap<>();
        List<ExerciseSpec> runnable = new ArrayList<>();
        for (ExerciseSpec spec : config.exercises()) {
            List<CompileDiagnostic> errors = diagnostics.stream()
                    .filter(d -> d.error() && owns(spec, className(d.file()))).toList();
            List<Violation> refused = violations.stream().filter(v -> owns(spec, v.topLevelName())).toList();
            if (!errors.isEmpty()) {
                results.put(spec.id(), Results.zero(spec, Status.COMPILE_ERROR, compileNote(errors)));
            } else if (!refused.isEmpty()) {
                results.put(spec.id(), Results.zero(spec, Status.POLICY_VIOLATION, "refused by the bytecode policy: "
                        + refused.stream().map(Violation::message).collect(Collectors.joining("; "))));
            } else if (!spec.studentClasses().isEmpty() && spec.studentClasses().stream().noneMatch(present::contains)) {
                results.put(spec.id(), Results.zero(spec, Status.MISSING, "none of this exercise's classes was"
                        + " handed in: " + String.join(", ", spec.studentClasses())));
            } else {
                runnable.add(spec);
            }
        }
        OutputCapture output = new OutputCapture(config.outputLimit());
        Path work = Files.createDirectories(scratch.resolve("work"));
        long deadline = start + seconds(config.submissionSeconds());
        runChildren(runnable, classes, work, seed, deadline, output, results);

        List<String> refusals = new ArrayList<>(sources.refused());
        violations.forEach(v -> refusals.add(v.message()));
        List<ExerciseResult> exercises = config.exercises().stream().map(s -> results.get(s.id())).toList();
        return new SubmissionReport(name, seed, exercises, diagnostics, refusals, output.text(), isolation(), "",
                millisSince(start));
    }

    /** Runs exercises in child JVMs until each has a result; a child that hangs or dies is replaced. */
    private void runChildren(List<ExerciseSpec> runnable, Path classes, Path work, long seed, long deadline,
            OutputCapture output, Map<String, ExerciseResult> results) throws IOException, InterruptedException {
        List<ExerciseSpec> remaining = new ArrayList<>(runnable);
        while (!remaining.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                for (ExerciseSpec s : remaining) {
                    results.put(s.id(), Results.zero(s, Status.TIMED_OUT, "not run: the submission's "
                            + Sandbox.seconds(config.submissionSeconds()) + " limit was used up"));
                }
                return;
            }
            int before = remaining.size();
            try (ChildRun child = ChildRun.start(sandbox.wrap(childCommand(remaining, classes, work, seed),
                    readOnlyPaths(classes)), work, output)) {
                supervise(child, remaining, results, deadline);
            }
            if (remaining.size() == before) {   // nothing reported and nothing running: never loop on it
                ExerciseSpec s = remaining.remove(0);
                results.put(s.id(), Results.zero(s, Status.CRASHED, "the grading JVM ended without grading it"));
            }
        }
    }

    private void supervise(ChildRun child, List<ExerciseSpec> remaining, Map<String, ExerciseResult> results,
            long deadline) throws InterruptedException {
        ExerciseSpec current = null;
        long exerciseDeadline = Long.MAX_VALUE;
        boolean startedAny = false;
        while (true) {
            long limit = Math.min(deadline, exerciseDeadline);
            ChildRun.Event e = child.next(limit);
            if (e == null) {
                child.kill();
                boolean exerciseLimit = exerciseDeadline < deadline;
                if (current != null) {
                    results.put(current.id(), Results.zero(current, Status.TIMED_OUT, exerciseLimit
                            ? "ran past the " + Sandbox.seconds(config.exerciseSeconds()) + " limit of one exercise"
                                    + " (an endless loop?); its JVM was stopped and the remaining exercises were"
                                    + " graded in a new one"
                            : "ran past the submission's " + Sandbox.seconds(config.submissionSeconds()) + " limit"));
                    remaining.remove(current);
                }
                if (!exerciseLimit) {
                    for (ExerciseSpec s : remaining) {
                        results.put(s.id(), Results.zero(s, Status.TIMED_OUT, "not run: the submission's "
                                + Sandbox.seconds(config.submissionSeconds()) + " limit was used up"));
                    }
                    remaining.clear();
                }
                return;
            }
            switch (e) {
                case ChildRun.Hello h -> {
                    // up and authenticated
                }
                case ChildRun.Started s -> {
                    if (current == null && remaining.get(0).id().equals(s.exercise())) {
                        current = remaining.get(0);
                        startedAny = true;
                        exerciseDeadline = System.nanoTime() + seconds(config.exerciseSeconds());
                    }
                }
                case ChildRun.Finished f -> {
                    if (current != null && current.id().equals(f.exercise())) {
                        results.put(current.id(), Results.normalized(f.result()));
                        remaining.remove(current);
                        current = null;
                        exerciseDeadline = Long.MAX_VALUE;
                    }
                }
                case ChildRun.Done d -> {
                    return;
                }
                case ChildRun.Exited x -> {
                    if (current != null) {
                        results.put(current.id(), Results.zero(current, Status.CRASHED,
                                "the grading JVM died while running this exercise (" + describe(x) + "); the"
                                        + " remaining exercises were graded in a new one"));
                        remaining.remove(current);
                    } else if (!startedAny) {
                        for (ExerciseSpec s : remaining) {
                            results.put(s.id(), Results.zero(s, Status.CRASHED,
                                    "the grading JVM failed before grading (" + describe(x) + ")"));
                        }
                        remaining.clear();
                    }
                    return;
                }
            }
        }
    }

    private static String describe(ChildRun.Exited x) {
        String last = x.tail().lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        return "exit code " + x.code() + (last.isEmpty() ? "" : "; last output: " + last);
    }

    /** The grading JVM's command line (host paths; {@link Sandbox#wrap} makes them visible inside). */
    List<String> childCommand(List<ExerciseSpec> specs, Path classes, Path work, long seed) {
        // finalization off: a student finalize() would otherwise run on the JVM's own thread, outside any check
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx" + config.heapMb() + "m", STACK,
                "--finalization=disabled"));
        cmd.addAll(config.jvmOptions());
        String tmp = sandbox.workDir(work);
        cmd.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-XX:ErrorFile=" + tmp + "/hs_err_%p.log",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC", "-cp",
                config.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                GradingChild.class.getName(), "--classes", classes.toString(), "--seed", Long.toString(seed),
                "--output-limit", Integer.toString(config.outputLimit())));
        specs.forEach(s -> cmd.add(s.getClass().getName()));
        return cmd;
    }

    /** What the sandbox shows read-only: the JDK, the grader's classpath and the submission's classes. */
    private List<Path> readOnlyPaths(Path classes) {
        List<Path> paths = new ArrayList<>();
        paths.add(java.getParent().getParent());   // <jdk>/bin/java -> <jdk>
        paths.addAll(config.classpath());
        paths.add(classes);
        return paths;
    }

    /** A report for a submission that could not be graded at all: every exercise scores 0. */
    private SubmissionReport failed(String name, long seed, List<CompileDiagnostic> diagnostics, List<String> refused,
            String error, Status status, long start) {
        List<ExerciseResult> exercises = config.exercises().stream()
                .map(s -> Results.zero(s, status, "submission not graded: " + error)).toList();
        return new SubmissionReport(name, seed, exercises, diagnostics, refused, "", isolation(), error,
                millisSince(start));
    }

    /**
     * True when a class (binary name, top level) belongs to an exercise: listed in its
     * {@code studentClasses()}, or in one of their packages and listed by no other exercise.
     */
    private boolean owns(ExerciseSpec spec, String className) {
        if (className == null) {
            return false;
        }
        if (spec.studentClasses().contains(className)) {
            return true;
        }
        boolean listedElsewhere = config.exercises().stream().anyMatch(s -> s.studentClasses().contains(className));
        return !listedElsewhere && spec.studentClasses().stream().map(SubmissionGrader::packageOf)
                .anyMatch(packageOf(className)::equals);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** "activations/ReLU.java" → "activations.ReLU"; null for anything else. */
    private static String className(String file) {
        if (file == null || !file.endsWith(".java") || file.startsWith("/")) {
            return null;
        }
        return file.substring(0, file.length() - ".java".length()).replace('/', '.');
    }

    private static String compileNote(List<CompileDiagnostic> errors) {
        String first = errors.stream().limit(NOTE_ERRORS).map(d -> d.file() + ":" + d.line() + ": " + d.message())
                .collect(Collectors.joining("; "));
        int more = errors.size() - NOTE_ERRORS;
        return "does not compile: " + first + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** Binary names of the top-level and nested classes compiled into {@code classes}. */
    private static Set<String> classNames(Path classes) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> s = Files.walk(classes)) {
            s.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = classes.relativize(p).toString().replace(File.separatorChar, '/');
                names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
            });
        }
        return names;
    }

    /** Deletes the class files of refused classes (and their nested classes): nothing may load them. */
    private static void removeClasses(Path classes, Set<String> topLevel) throws IOException {
        if (topLevel.isEmpty()) {
            return;
        }
        for (String name : classNames(classes)) {
            int dollar = name.indexOf('$');
            if (topLevel.contains(dollar < 0 ? name : name.substring(0, dollar))) {
                Files.deleteIfExists(classes.resolve(name.replace('.', '/') + ".class"));
            }
        }
    }

    private static long seconds(double s) {
        return (long) (s * TimeUnit.SECONDS.toNanos(1));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
