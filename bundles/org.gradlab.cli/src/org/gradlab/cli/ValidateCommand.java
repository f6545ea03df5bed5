package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.gradlab.grader.course.CourseSources;
import org.gradlab.grader.course.CourseValidator;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.specs.ExerciseCatalog;

/**
 * {@code gradlab validate [--seed S] [--exercise ID]}: proves every exercise of the course
 * solvable and checkable from the checkout's own sources (see {@link CourseValidator}) with a
 * fresh random seed for the hidden cases, printed so that a failure can be replayed. One line per
 * exercise, then {@code K/N exercises valid}; exit status 0 only when all are. An exercise folder
 * with an exercise.json but no grader spec counts as invalid too. What CI runs after the tests.
 */
public final class ValidateCommand {
    static final String USAGE = """
            usage: gradlab validate [--seed S] [--exercise ID] [--jobs N]
              for every exercise: the solution scores 100% under the hidden grader, the stubs 0 (not started),
              each known-wrong variant loses points as its EXPECT file says, the loop-style solution scores
              100%, and the self-check passes the solution on the public vectors
              --seed S       the seed of the hidden cases (default: a fresh one, printed)
              --exercise ID  validate only this exercise
              --jobs N       exercises validated at once (default: up to 4)""";

    private ValidateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Long seed = null;
        String only = null;
        int jobs = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--exercise" -> only = value(args, ++i, "--exercise");
                    case "--jobs" -> jobs = Math.max(1, Integer.parseInt(value(args, ++i, "--jobs")));
                    default -> throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("gradlab validate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CourseSources course;
        try {
            course = CourseSources.find();
        } catch (IllegalStateException e) {
            err.println("gradlab validate: " + e.getMessage());
            return 2;
        }
        List<ExerciseSpec> specs = new ArrayList<>();
        for (ExerciseSpec s : ExerciseCatalog.all()) {
            if (only == null || s.id().equals(only)) {
                specs.add(s);
            }
        }
        List<String> orphans;
        try {
            orphans = orphans(course, only);
        } catch (IOException e) {
            err.println("gradlab validate: " + e.getMessage());
            return 1;
        }
        if (specs.isEmpty() && orphans.isEmpty()) {
            err.println("gradlab validate: no exercise " + only);
            return 2;
        }
        long s = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        out.println("validate: " + course.root() + ", seed " + s + " (replay with --seed " + s + ")");
        long t0 = System.nanoTime();
        CourseValidator validator = new CourseValidator(course, s, SelfCheckRunner.DEFAULT_TIMEOUT);
        // exercises are independent: validate them side by side (compiling dominates), report in course order
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<CourseValidator.Validation>> futures = new ArrayList<>();
        for (ExerciseSpec spec : specs) {
            futures.add(pool.submit(() -> validator.validate(spec)));
        }
        pool.shutdown();
        int valid = 0;
        for (int i = 0; i < specs.size(); i++) {
            ExerciseSpec spec = specs.get(i);
            CourseValidator.Validation v = result(futures.get(i), spec.id());
            out.println((v.valid() ? "✓ " : "✗ ") + pad(spec.id()) + String.join(" · ", v.facts())
                    + String.format(Locale.ROOT, "  (%.1f s)", v.seconds()));
            v.problems().forEach(p -> out.println("    ✗ " + p));
            valid += v.valid() ? 1 : 0;
        }
        for (String id : orphans) {
            out.println("✗ " + pad(id) + "has an exercise.json but no grader spec in ExerciseCatalog");
        }
        int total = specs.size() + orphans.size();
        out.println(String.format(Locale.ROOT, "%d/%d exercises valid (seed %d, %.1f s)", valid, total, s,
                (System.nanoTime() - t0) / 1e9));
        return valid == total ? 0 : 1;
    }

    /** Exercise folders with an exercise.json whose id no spec of the catalog has. */
    private static List<String> orphans(CourseSources course, String only) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path dir : SelfCheckRunner.exercises(course.exercises())) {
            String id = ExerciseManifest.read(dir).id();
            if (ExerciseCatalog.byId(id).isEmpty() && (only == null || only.equals(id))) {
                out.add(id);
            }
        }
        return out;
    }

    private static CourseValidator.Validation result(Future<CourseValidator.Validation> f, String id) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return new CourseValidator.Validation(id, List.of(), List.of("validation failed: " + e.getCause()), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CourseValidator.Validation(id, List.of(), List.of("interrupted"), 0);
        }
    }

    private static String pad(String id) {
        return id + " ".repeat(Math.max(1, 20 - id.length()));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
