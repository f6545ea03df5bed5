package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

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
 * engine) in-process, each on its own thread under a watchdog: an exercise whose check has not
 * finished after S seconds (an endless loop) is abandoned and reported, and the process exits
 * anyway. Exit status 0 when every exercise that was started passes (nothing started: 0, with a
 * hint), 1 otherwise, 2 for bad arguments.
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
                    case "--timeout" -> timeout = Duration.ofMillis(Math.round(1000 * Double.parseDouble(
                            value(args, ++i, "--timeout"))));
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
        } catch (IOException e) {
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
            ClassLoader loader = StudentApi.studentLoader(classes);
            List<ExerciseReport> reports = new ArrayList<>();
            for (Map.Entry<Path, ExerciseManifest> e : exercises.entrySet()) {
                ExerciseReport notCompiling = CompileProblems.reportOf(e.getValue(), problems);
                ExerciseReport r = notCompiling != null ? notCompiling
                        : SelfCheckRunner.run(e.getKey(), loader, timeout);
                reports.add(r);
                ReportText.lines(r).forEach(out::println);
            }
            // errors outside every exercise's package (checked exercises' packages were handled above)
            List<CompileProblem> other = only != null ? List.of() : CompileProblems.outside(problems,
                    exercises.values().stream().flatMap(m -> m.packages().stream()).toList());
            if (!other.isEmpty()) {
                out.println("other sources: do not compile");
                other.forEach(p -> out.println("    " + p.note()));
            }
            out.println(summary(reports, (System.nanoTime() - t0) / 1e9));
            boolean ok = other.isEmpty() && reports.stream().allMatch(r -> r.status().ok());
            if (ok && reports.stream().allMatch(r -> r.status() == ExerciseReport.Status.NOT_STARTED)) {
                out.println("nothing started yet: pick an exercise in " + dir.resolve("exercises")
                        + ", replace the TODOs of its classes in src/, and run gradlab check again");
            }
            return ok ? 0 : 1;
        } finally {
            delete(classes);
        }
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

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
