package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Status;
import org.gradlab.grader.spec.StudentCode;

/**
 * The guide's contract for an exercise spec, as assertions: the solution and the loop-style
 * solution score 100%, the stubs score 0 as NOT_STARTED, each known-wrong variant loses points
 * with its EXPECTed failures and diagnosis, and grading is a function of the seed.
 */
final class SpecContract {
    private SpecContract() {
    }

    static ExerciseResult assertFullScore(ExerciseSpec spec, StudentCode code, long seed) {
        ExerciseResult r = spec.grade(code, seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(failed.isEmpty(), "seed " + seed + ": failed checks:\n" + describe(failed));
        assertEquals(Status.GRADED, r.status());
        assertEquals(r.maxScore(), r.score(), 1e-12);
        assertTrue(r.parts().stream().allMatch(p -> p.total() > 0), "every scored part has checks: " + r.parts());
        return r;
    }

    static void assertNotStarted(ExerciseSpec spec, StudentCode stubs, long seed) {
        ExerciseResult r = spec.grade(stubs, seed);
        assertEquals(Status.NOT_STARTED, r.status(), describe(r.checks()));
        assertEquals(0.0, r.score());
        for (CheckResult c : r.checks()) {
            assertTrue(c.message().startsWith("not started: TODO"), c.name() + ": " + c.message());
        }
    }

    /** The variant loses points, and every "fail X" / "diagnosis X" line of its EXPECT holds. */
    static void assertVariantCaught(ExerciseSpec spec, String variant, long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(spec.id(), variant), seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(r.score() < r.maxScore(), variant + " scored full marks");
        List<String> expect = SpecTesting.expectations(spec.id(), variant);
        assertFalse(expect.isEmpty(), variant + ": empty EXPECT");
        for (String line : expect) {
            if (line.startsWith("fail ")) {
                String s = line.substring(5);
                assertTrue(failed.stream().anyMatch(c -> c.name().contains(s)),
                        variant + ": no failed check named *" + s + "*; failed:\n" + describe(failed));
            } else if (line.startsWith("diagnosis ")) {
                String s = line.substring(10);
                assertTrue(failed.stream().anyMatch(c -> c.diagnosis() != null && c.diagnosis().contains(s)),
                        variant + ": no diagnosis *" + s + "*; failed:\n" + describe(failed));
            } else {
                throw new AssertionError(variant + ": EXPECT line must start with 'fail ' or 'diagnosis ': " + line);
            }
        }
    }

    /** Same seed, same result; another seed, other cases (check names carry the drawn shapes and settings). */
    static void assertSeeded(ExerciseSpec spec, StudentCode code) {
        ExerciseResult a = spec.grade(code, 11);
        assertEquals(a, spec.grade(code, 11));
        ExerciseResult b = spec.grade(code, 12);
        assertNotEquals(names(a), names(b));
    }

    /** Milliseconds for one grade() (after one warm-up run), for the report. */
    static double timeMillis(ExerciseSpec spec, StudentCode code) {
        spec.grade(code, 99);
        long t0 = System.nanoTime();
        spec.grade(code, 100);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static List<String> names(ExerciseResult r) {
        return r.checks().stream().map(CheckResult::name).toList();
    }

    static String describe(List<CheckResult> checks) {
        return checks.stream().map(c -> "  " + c.name() + " → " + c.message()
                + (c.diagnosis() == null ? "" : " [" + c.diagnosis() + "]")).collect(Collectors.joining("\n"));
    }
}
