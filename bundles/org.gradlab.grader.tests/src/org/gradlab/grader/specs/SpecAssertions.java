package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.gradlab.grader.course.Expectations;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;
import org.gradlab.grader.spec.StudentCode;

/**
 * The assertions of the guide's contract for an exercise spec (see {@link CourseContractTest}), also
 * used by the exercise-specific tests: the solution earns everything, the stubs nothing, each
 * known-wrong variant fails what its EXPECT file says ({@link Expectations}, as {@code gradlab validate}
 * judges it).
 */
public final class SpecAssertions {
    private SpecAssertions() {
    }

    /** Every check passes, the score is the maximum, and every scored part has checks. */
    public static ExerciseResult assertFullScore(ExerciseSpec spec, StudentCode code, long seed) {
        ExerciseResult r = spec.grade(code, seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(failed.isEmpty(), "seed " + seed + ": failed checks:\n" + describe(failed));
        assertEquals(Status.GRADED, r.status());
        assertTrue(r.maxScore() > 0, "the spec scores nothing");
        assertEquals(r.maxScore(), r.score(), 1e-12);
        assertTrue(r.parts().stream().allMatch(p -> p.total() > 0), "every scored part has checks: " + r.parts());
        return r;
    }

    /** Every scored part has at least {@code atLeast} checks. */
    public static void assertEveryPartHasChecks(ExerciseResult r, int atLeast) {
        for (PartScore p : r.parts()) {
            assertTrue(p.total() >= atLeast, p.part() + " has only " + p.total() + " checks");
        }
    }

    /** Status NOT_STARTED, no points, and every check says "not started: TODO…". */
    public static void assertNotStarted(ExerciseSpec spec, StudentCode stubs, long seed) {
        ExerciseResult r = spec.grade(stubs, seed);
        assertEquals(Status.NOT_STARTED, r.status(), () -> describe(r.checks()));
        assertEquals(0.0, r.score(), 0.0);
        assertTrue(!r.checks().isEmpty());
        for (CheckResult c : r.checks()) {
            assertTrue(!c.passed() && c.notStarted() && c.message().startsWith("not started: TODO"),
                    c.name() + ": " + c.message());
        }
    }

    /** The variant loses points, is GRADED, and every line of its (non-empty) EXPECT file holds. */
    public static ExerciseResult assertVariantCaught(ExerciseSpec spec, String id, String variant, long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(id, variant), seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(r.score() < r.maxScore(), variant + " lost no points");
        assertEquals(Status.GRADED, r.status(), variant);
        List<String> unmet = Expectations.unmet(r, SpecTesting.expectations(id, variant));
        assertTrue(unmet.isEmpty(), variant + " seed " + seed + ": " + unmet + "; failed:\n" + describe(failed));
        return r;
    }

    public static String describe(List<CheckResult> checks) {
        return checks.stream().map(c -> "  [" + c.part() + "] " + c.name() + ": " + c.message()
                + (c.diagnosis() == null ? "" : "  => " + c.diagnosis())).collect(Collectors.joining("\n"));
    }
}
