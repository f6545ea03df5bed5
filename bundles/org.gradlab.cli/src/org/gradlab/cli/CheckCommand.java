package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gradlab.check.Folders;
import org.gradlab.check.run.ApiClasspath;
import org.gradlab.check.run.CheckProcess;
import org.gradlab.check.run.CheckRequest;
import org.gradlab.check.run.CheckRun;
import org.gradlab.check.run.CompileProblem;
import org.gradlab.check.run.CompileProblems;
import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ReportText;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.compile.CompileResult;
import org.gradlab.grader.compile.StudentApi;
import org.gradlab.grader.compile.SubmissionCompiler;

/**
 * {@code gradlab check [DIR] [--exercise ID] [--timeout S]}: the student's self-check of a
 * workspace. Compiles DIR/src against the student API with the grader's compiler (an exercise
 * whose sources do not compile is reported with file:line, the others are still checked), then
 * runs each exercise's self-check (public vectors and numeric gradient checks, no reference
 * engine) in a child JVM, the same way the IDE does ({@link CheckProcess}): an exercise whose
 * check has not finished after S seconds (an endless loop) is abandoned and reported, and a
 * System.exit in the student's code ends only that JVM (see {@link #runChecks}). Reports are
 * printed as they come, with what the student's code printed marked by {@link CheckPrinter}.
 * Exit status 0 when every exercise that was started passes (nothing started: 0, with a hint),
 * 1 otherwise, 2 for bad arguments.
 */
public final class CheckCommand {
    static final String USAGE = """
            usage: gradlab check [DIR] [--exercise ID] [--timeout S]
              DIR            the workspace (made by gradlab new-workspace; default: the current folder)
              --exercise ID  check only this exercise, e.g. 03-activations
              --timeout S    give up on an exercise whose check runs longer than S seconds (default 10)""";

    private CheckCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = Path.of(".");
        String only = null;
        Duration timeout = SelfCheckRunner.DEFAULT_TIMEOUT;
        try {
            boolean dirSeen = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--exercise" -> only = value(args, ++i, "--exercise");
                    case "--timeout" -> {
                        timeout = Duration.ofMillis(Math.round(1000 * Double.parseDouble(value(args, ++i,
                                "--timeout"))));
                        if (timeout.isNegative() || timeout.isZero()) {
                            throw new IllegalArgumentException("--timeout needs a positive number of seconds, got "
                                    + args[i]);
                        }
                    }
                    default -> {
                        if (args[i].startsWith("-") || dirSeen) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        dir = Path.of(args[i]);
                        dirSeen = true;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("gradlab check: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("exercises")) || !Files.isDirectory(dir.resolve("src"))) {
            err.println("gradlab check: " + dir + " is not a GradLab workspace (it needs src/ and exercises/);"
                    + " make one with: gradlab new-workspace DIR");
            return 2;
        }
        try {
            return check(dir, only, timeout, out, err);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            // a manifest that cannot be read, the checker's classes not found on disk, a request CheckRequest refuses
            err.println("gradlab check: " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int check(Path dir, String only, Duration timeout, PrintStream out, PrintStream err)
            throws IOException {
        long t0 = System.nanoTime();
        Map<Path, ExerciseManifest> exercises = new LinkedHashMap<>();
        for (Path e : SelfCheckRunner.exercises(dir.resolve("exercises"))) {
            exercises.put(e, ExerciseManifest.read(e));
        }
        if (only != null) {
            String id = only;
            exercises.entrySet().removeIf(e -> !e.getValue().id().equals(id));
            if (exercises.isEmpty()) {
                err.println("gradlab check: no exercise " + id + " in " + dir.resolve("exercises"));
                return 2;
            }
        }
        Path classes = Files.createTempDirectory("gradlab-check-");
        try {
            CompileResult compiled = new SubmissionCompiler(StudentApi.locate()).compile(dir.resolve("src"), classes);
            List<CompileProblem> problems = compileProblems(compiled);
            CheckPrinter printer = new CheckPrinter(out);
            String problem = runChecks(dir, classes, exercises, timeout, problems, printer);
            List<ExerciseReport> reports = printer.reports();
            // errors outside every exercise's package (checked exercises' packages were handled above)
            List<CompileProblem> other = only != null ? List.of() : CompileProblems.outside(problems,
                    exercises.values().stream().flatMap(m -> m.packages().stream()).toList());
            if (!other.isEmpty()) {
                out.println("other sources: do not compile");
                other.forEach(p -> out.println("    " + p.note()));
            }
            if (problem != null) {
                out.println("check: " + problem);
            }
            out.println(summary(reports, (System.nanoTime() - t0) / 1e9));
            boolean ok = problem == null && other.isEmpty() && reports.stream().allMatch(r -> r.status().ok());
            if (ok && reports.stream().allMatch(r -> r.status() == ExerciseReport.Status.NOT_STARTED)) {
                out.println("nothing started yet: pick an exercise in " + dir.resolve("exercises")
                        + ", replace the TODOs of its classes in src/, and run gradlab check again");
            }
            return ok ? 0 : 1;
        } finally {
            Folders.deleteQuietly(classes);
        }
    }

    /**
     * Checks the exercises in a check JVM, the IDE's way. When that JVM dies during an exercise
     * (the student's code called System.exit, or crashed the JVM), that exercise is reported as
     * failed with the reason and a fresh JVM checks the ones after it. Returns null when every
     * exercise got its report, else why the check stopped early (the JVM could not start at all).
     */
    private static String runChecks(Path dir, Path classes, Map<Path, ExerciseManifest> exercises, Duration timeout,
            List<CompileProblem> problems, CheckPrinter printer) {
        List<ExerciseManifest> remaining = new ArrayList<>(exercises.values());
        while (!remaining.isEmpty()) {
            CheckRequest request = new CheckRequest(dir, classes, ApiClasspath.forCheck(), CheckRequest.currentJava(),
                    remaining.stream().map(ExerciseManifest::id).toList(), timeout, problems);
            CheckRun run = CheckProcess.run(request, printer, () -> false);
            if (run.complete()) {
                return null;
            }
            String died = printer.unfinished();
            if (died == null) {
                return run.problem(); // not during an exercise: starting another JVM would end the same way
            }
            ExerciseManifest m = remaining.stream().filter(e -> e.id().equals(died)).findFirst().orElseThrow();
            printer.print(new ExerciseReport(m.id(), m.title(), ExerciseReport.Status.FAILED, List.of(),
                    List.of(run.problem() + " (does your code call System.exit or crash the JVM?);"
                            + " the exercises after it are checked in a new JVM")));
            remaining = new ArrayList<>(remaining.subList(remaining.indexOf(m) + 1, remaining.size()));
        }
        return null;
    }

    /** The compiler's errors (warnings do not stop a check). */
    private static List<CompileProblem> compileProblems(CompileResult compiled) {
        return compiled.diagnostics().stream().filter(CompileDiagnostic::error)
                .map(d -> new CompileProblem(d.file(), d.line(), d.message())).toList();
    }

    static String summary(List<ExerciseReport> reports, double seconds) {
        Map<ExerciseReport.Status, Integer> counts = new LinkedHashMap<>();
        for (ExerciseReport.Status s : ExerciseReport.Status.values()) {
            counts.put(s, 0);
        }
        reports.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> {
            if (n > 0) {
                parts.add(n + " " + ReportText.status(s).toLowerCase(Locale.ROOT));
            }
        });
        return String.format(Locale.ROOT, "check: %d exercise%s: %s (%.1f s)", reports.size(),
                reports.size() == 1 ? "" : "s", String.join(", ", parts), seconds);
    }
}
