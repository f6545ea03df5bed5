package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The assertions every exercise spec's test makes about the course's own sources: the solution
 * earns everything, the stubs nothing, each known-wrong variant fails what its EXPECT file says
 * and is diagnosed as it says, and a seed replays its cases exactly.
 */
public final class SpecAssertions {
    private SpecAssertions() {
    }

    /** Every check passes and the score is the maximum. */
    public static ExerciseResult assertFullScore(ExerciseSpec spec, StudentCode code, long seed) {
        ExerciseResult r = spec.grade(code, seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(failed.isEmpty(), "seed " + seed + ": failed checks:\n" + describe(failed));
        assertEquals(Status.GRADED, r.status());
        assertTrue(r.maxScore() > 0, "the spec scores nothing");
        assertEquals(r.maxScore(), r.score(), 1e-9);
        return r;
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

    /**
     * The variant loses points; each "fail S" line of its EXPECT file names a failed check (S in its
     * name) and each "diagnosis S" line a diagnosis some failed check gave (S in it).
     */
    public static ExerciseResult assertVariantCaught(ExerciseSpec spec, String id, String variant, long seed) {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(id, variant), seed);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(r.score() < r.maxScore(), variant + " lost no points");
        assertEquals(Status.GRADED, r.status(), variant);
        List<String> expect = SpecTesting.expectations(id, variant);
        assertTrue(!expect.isEmpty(), variant + ": empty EXPECT");
        for (String line : expect) {
            String want = line.substring(line.indexOf(' ') + 1).strip();
            if (line.startsWith("fail ")) {
                assertTrue(failed.stream().anyMatch(c -> c.name().contains(want)),
                        variant + ": no failed check named *" + want + "*; failed:\n" + describe(failed));
            } else if (line.startsWith("diagnosis ")) {
                assertTrue(failed.stream().anyMatch(c -> c.diagnosis() != null && c.diagnosis().contains(want)),
                        variant + ": no diagnosis *" + want + "*; failed:\n" + describe(failed));
            } else {
                throw new AssertionError(variant + ": unknown EXPECT line: " + line);
            }
        }
        return r;
    }

    /** The same seed gives the same checks, names, messages and diagnoses. */
    public static void assertReplayable(ExerciseSpec spec, StudentCode code, long seed) {
        assertEquals(spec.grade(code, seed), spec.grade(code, seed));
    }

    /** Different seeds draw different cases (the check names carry shapes and reductions). */
    public static void assertSeedsDiffer(ExerciseSpec spec, StudentCode code, long a, long b) {
        List<String> first = spec.grade(code, a).checks().stream().map(c -> c.name() + " " + c.message()).toList();
        List<String> second = spec.grade(code, b).checks().stream().map(c -> c.name() + " " + c.message()).toList();
        assertNotEquals(first, second);
    }

    /** Milliseconds of one grade() call after a warm-up. */
    public static double gradeMillis(ExerciseSpec spec, StudentCode code, long seed) {
        spec.grade(code, seed + 1);
        long t0 = System.nanoTime();
        spec.grade(code, seed);
        return (System.nanoTime() - t0) / 1e6;
    }

    public static String describe(List<CheckResult> checks) {
        return checks.stream().map(c -> "  [" + c.part() + "] " + c.name() + ": " + c.message()
                + (c.diagnosis() == null ? "" : "  => " + c.diagnosis())).collect(Collectors.joining("\n"));
    }
}
