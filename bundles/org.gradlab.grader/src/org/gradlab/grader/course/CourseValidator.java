package org.gradlab.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.Folders;
import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ReportText;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Status;
import org.gradlab.grader.spec.StudentCode;

/**
 * Proves an exercise solvable and checkable from the course's own sources: its exercise.json
 * agrees with the spec; the solution scores 100% under the hidden grader with the given seed; the
 * untouched stubs score 0 as NOT_STARTED; each known-wrong variant loses points and meets its
 * EXPECT lines; the loop-style solution (if any) scores 100%; and the student self-check passes
 * the solution on the public vectors and says "not started" for the stubs. In-process: these are
 * the course's own sources, not untrusted submissions.
 */
public final class CourseValidator {
    private final CourseSources course;
    private final long seed;
    private final Duration selfCheckTimeout;

    public CourseValidator(CourseSources course, long seed, Duration selfCheckTimeout) {
        this.course = course;
        this.seed = seed;
        this.selfCheckTimeout = selfCheckTimeout;
    }

    /** What held (facts, for the one-line summary) and what did not (problems); valid without problems. */
    public record Validation(String id, List<String> facts, List<String> problems, double seconds) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Validation validate(ExerciseSpec spec) {
        long t0 = System.nanoTime();
        String id = spec.id();
        List<String> facts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path work;
        try {
            work = Files.createTempDirectory("gradlab-validate-" + id + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            boolean manifest = manifest(spec, facts, problems);
            StudentCode solution = compile("solution", course.solution(id), work.resolve("solution"), problems);
            if (solution != null) {
                fullScore(spec, "solution", solution, facts, problems);
                if (manifest) {
                    selfCheck(id, "solution", solution, ExerciseReport.Status.PASSED, facts, problems);
                }
            }
            StudentCode stubs = compile("stubs", course.stubs(id), work.resolve("stubs"), problems);
            if (stubs != null) {
                notStarted(spec, stubs, facts, problems);
                if (manifest) {
                    selfCheck(id, "stubs", stubs, ExerciseReport.Status.NOT_STARTED, facts, problems);
                }
            }
            variants(spec, work, facts, problems);
            if (course.hasLoopStyle(id)) {
                StudentCode loops = compile("loop-style", course.loopStyle(id), work.resolve("loop-style"), problems);
                if (loops != null) {
                    fullScore(spec, "loop-style", loops, facts, problems);
                }
            }
        } catch (RuntimeException e) {
            problems.add("validation stopped by an error: " + e);
        } finally {
            Folders.deleteQuietly(work);
        }
        return new Validation(id, List.copyOf(facts), List.copyOf(problems), (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- the parts

    /** False when there is no readable exercise.json (then the self-check cannot run either). */
    private boolean manifest(ExerciseSpec spec, List<String> facts, List<String> problems) {
        Path dir = course.exercise(spec.id());
        try {
            List<String> mismatches = manifestProblems(spec, ExerciseManifest.read(dir));
            if (mismatches.isEmpty()) {
                facts.add("exercise.json agrees");
            } else {
                mismatches.forEach(m -> problems.add("exercise.json: " + m));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            problems.add("exercise.json: " + e.getMessage() + " (the self-check needs it)");
            return false;
        }
    }

    /** How an exercise.json disagrees with its spec: id, title, points (the spec's total), student classes. */
    public static List<String> manifestProblems(ExerciseSpec spec, ExerciseManifest m) {
        List<String> out = new ArrayList<>();
        if (!m.id().equals(spec.id())) {
            out.add("id \"" + m.id() + "\" but the spec's is \"" + spec.id() + "\"");
        }
        if (!m.title().equals(spec.title())) {
            out.add("title \"" + m.title() + "\" but the spec's is \"" + spec.title() + "\"");
        }
        double points = spec.points().values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(m.points() - points) > 1e-9) {
            out.add("points " + m.points() + " but the spec's parts add up to " + points);
        }
        List<String> missing = spec.studentClasses().stream().filter(c -> !m.classNames().contains(c)).toList();
        if (!missing.isEmpty()) {
            out.add("\"implement\" lacks the graded classes " + missing);
        }
        if (new HashSet<>(m.classNames()).size() != m.classNames().size()) {
            out.add("\"implement\" lists a class twice");
        }
        return out;
    }

    private static StudentCode compile(String what, List<Path> layers, Path work, List<String> problems) {
        try {
            return CourseSources.compile(layers, work);
        } catch (IllegalStateException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
    }

    private void fullScore(ExerciseSpec spec, String what, StudentCode code, List<String> facts,
            List<String> problems) {
        ExerciseResult r = spec.grade(code, seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        if (failed.isEmpty() && r.status() == Status.GRADED && r.maxScore() > 0
                && Math.abs(r.score() - r.maxScore()) < 1e-9) {
            facts.add(what + " " + points(r.score()) + "/" + points(r.maxScore()));
            return;
        }
        problems.add(what + " scores " + points(r.score()) + "/" + points(r.maxScore()) + " (" + r.status() + "), "
                + failed.size() + " of " + r.checks().size() + " checks failed");
        failed.stream().limit(3).forEach(c -> problems.add("  " + c.name() + ": " + c.message()));
    }

    private void notStarted(ExerciseSpec spec, StudentCode stubs, List<String> facts, List<String> problems) {
        ExerciseResult r = spec.grade(stubs, seed);
        if (r.status() == Status.NOT_STARTED && r.score() == 0) {
            facts.add("stubs 0 (not started)");
        } else {
            problems.add("stubs score " + points(r.score()) + " with status " + r.status()
                    + " (expected 0, NOT_STARTED)");
            r.checks().stream().filter(c -> !c.notStarted()).limit(3)
                    .forEach(c -> problems.add("  " + c.name() + ": " + c.message()));
        }
    }

    private void variants(ExerciseSpec spec, Path work, List<String> facts, List<String> problems) {
        List<String> names = course.variants(spec.id());
        int caught = 0;
        for (String v : names) {
            StudentCode code = compile("variant " + v, course.variant(spec.id(), v), work.resolve("variant-" + v),
                    problems);
            if (code == null) {
                continue;
            }
            ExerciseResult r = spec.grade(code, seed);
            List<String> unmet = new ArrayList<>(Expectations.unmet(r, course.expectations(spec.id(), v)));
            if (r.score() >= r.maxScore()) {
                unmet.add(0, "loses no points");
            }
            if (unmet.isEmpty()) {
                caught++;
            } else {
                problems.add("variant " + v + ": " + String.join("; ", unmet));
            }
        }
        if (names.isEmpty()) {
            problems.add("no known-wrong variants (exercises/solutions/" + spec.id() + "/variants/)");
        } else {
            facts.add(caught + "/" + names.size() + " variants caught");
        }
    }

    private void selfCheck(String id, String what, StudentCode code, ExerciseReport.Status want, List<String> facts,
            List<String> problems) {
        ExerciseReport r = SelfCheckRunner.run(course.exercise(id), code.loader(), selfCheckTimeout);
        if (r.status() == want) {
            facts.add("self-check " + what + ": " + ReportText.status(r.status()));
        } else {
            problems.add("self-check of the " + what + ": " + ReportText.status(r.status()) + ", expected "
                    + ReportText.status(want));
            ReportText.lines(r).stream().skip(1).limit(6).forEach(l -> problems.add("  " + l.strip()));
        }
    }

    private static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }
}
