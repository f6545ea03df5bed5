package org.gradlab.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.specs.ExerciseCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseValidatorTest {
    private static final String ID = "05-fully-connected";
    private static final CourseSources COURSE = CourseSources.find();
    private final ExerciseSpec spec = ExerciseCatalog.byId(ID).orElseThrow();

    @Test
    void theCourseExerciseIsValid() {
        CourseValidator.Validation v = new CourseValidator(COURSE, 1234L, Duration.ofSeconds(20)).validate(spec);
        assertEquals(List.of(), v.problems());
        assertEquals(List.of("exercise.json agrees", "solution 10/10", "self-check solution: passed",
                "stubs 0 (not started)", "self-check stubs: not started", "4/4 variants caught", "loop-style 10/10"),
                v.facts());
        assertTrue(v.valid());
    }

    /** A copy of the exercise whose solution carries a bug: its variants' and loop-style diffs no longer fit it. */
    @Test
    void aBrokenSolutionIsAProblemAndItsVariantsNoLongerFit(@TempDir Path root) throws IOException {
        Path solution = copyExercise(root);
        org.gradlab.check.UnifiedDiff.applyTo(solution.resolve("variants/bias-grad-not-summed/variant.diff"),
                solution.resolve("src"));
        CourseValidator.Validation v = new CourseValidator(new CourseSources(root), 1234L, Duration.ofSeconds(20))
                .validate(spec);
        assertFalse(v.valid());
        String problems = String.join("\n", v.problems());
        assertTrue(problems.contains("solution scores"), problems);
        assertTrue(problems.contains("self-check of the solution: FAILED, expected passed"), problems);
        assertTrue(problems.contains("variant grad-divided-by-batch: ") && problems.contains(
                "variants/grad-divided-by-batch/variant.diff: linear/Linear.java: hunk 1 (@@ "), problems);
        assertTrue(problems.contains("loop-style: ") && problems.contains(
                "loop-style/loop-style.diff: linear/Linear.java: hunk "), problems); // a diff against the solution too
    }

    /** A copy of the exercise one of whose variants expects the wrong thing. */
    @Test
    void aWrongExpectationIsAProblem(@TempDir Path root) throws IOException {
        Path solution = copyExercise(root);
        Files.writeString(solution.resolve("variants/grad-divided-by-batch/EXPECT"), "fail no such check\n");
        CourseValidator.Validation v = new CourseValidator(new CourseSources(root), 1234L, Duration.ofSeconds(20))
                .validate(spec);
        assertEquals(List.of("variant grad-divided-by-batch: no failed check named *no such check*"), v.problems());
    }

    /** Copies the exercise and its solution folder into a checkout at {@code root}; returns the solution folder. */
    private static Path copyExercise(Path root) throws IOException {
        copy(COURSE.exercise(ID), root.resolve("exercises").resolve(ID));
        Path solution = root.resolve("exercises/solutions").resolve(ID);
        copy(COURSE.root().resolve("exercises/solutions").resolve(ID), solution);
        Files.createDirectories(root.resolve("bundles"));
        return solution;
    }

    @Test
    void expectationsAreMatchedAgainstFailedChecks() {
        var failed = new org.gradlab.grader.spec.CheckResult(org.gradlab.grader.spec.Part.FORWARD,
                "Linear/forward 2x3", false, "mismatch", "sign flipped: …", false);
        var passed = new org.gradlab.grader.spec.CheckResult(org.gradlab.grader.spec.Part.FORWARD,
                "Linear/backward 2x3", true, "ok", null, false);
        var result = new org.gradlab.grader.spec.ExerciseResult(ID, "t", org.gradlab.grader.spec.Status.GRADED,
                List.of(), List.of(failed, passed), "");
        assertEquals(List.of(), Expectations.unmet(result, List.of("fail forward", "diagnosis sign flipped")));
        assertEquals(List.of("no failed check named *backward*", "no failed check diagnosed *transposed*",
                "EXPECT line must start with 'fail ' or 'diagnosis ': oops"),
                Expectations.unmet(result, List.of("fail backward", "diagnosis transposed", "oops")));
        assertEquals(List.of("the EXPECT file is empty"), Expectations.unmet(result, List.of()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
