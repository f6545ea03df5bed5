package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guide's contract, asserted once for every exercise of the catalog: the solution (and the
 * loop-style solution) earns all 10 points, the stubs nothing as NOT_STARTED, each known-wrong variant
 * loses points as its EXPECT file says, grading is a fast function of the seed. What is particular to
 * one exercise stays in its own XxxExerciseTest.
 */
class CourseContractTest {
    private static final long[] SOLUTION_SEEDS = {1L, 42L, 987_654_321L};
    private static final long[] LOOP_STYLE_SEEDS = {4L, 5L, 13L};
    private static final long[] STUB_SEEDS = {1L, 7L};
    private static final long[] VARIANT_SEEDS = {1L, 2L, 3L, 11L, 2024L, 12345L};
    /** Pairs of seeds that must draw different cases; the first of each must replay exactly. */
    private static final long[][] SEED_PAIRS = {{9L, 10L}, {11L, 12L}, {21L, 22L}};
    /** Exercises whose check names are fixed (01-autodiff names checks by operation): their drawn cases show in the messages only. */
    private static final Set<String> FIXED_CHECK_NAMES = Set.of("01-autodiff");
    /** CPU milliseconds one grade() may take; 13-memorization runs three short trainings. */
    private static final double GRADE_CPU_MS = 500;
    private static final Map<String, Double> SLOW_GRADE_CPU_MS = Map.of("13-memorization", 1500.0);

    static List<ExerciseSpec> exercises() {
        return ExerciseCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void catalogEntryAndPointsTotalTen(ExerciseSpec spec) {
        assertEquals(spec, ExerciseCatalog.byId(spec.id()).orElseThrow());
        assertEquals(1, exercises().stream().filter(s -> s.id().equals(spec.id())).count(), "duplicate id " + spec.id());
        assertEquals(10.0, spec.points().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12,
                spec.points().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void solutionScoresFullAndEveryPartHasChecks(ExerciseSpec spec) {
        StudentCode code = SpecTesting.compileSolution(spec.id());
        for (long seed : SOLUTION_SEEDS) {
            ExerciseResult r = SpecAssertions.assertFullScore(spec, code, seed);
            assertEquals(10.0, r.maxScore(), 1e-12);
            for (Part p : spec.points().keySet()) {
                assertTrue(r.checks().stream().anyMatch(c -> c.part() == p), "seed " + seed + ": no check for " + p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void loopStyleScoresFull(ExerciseSpec spec) {
        // Every exercise of the course ships one today; an exercise without one has nothing to check here.
        if (!SpecTesting.hasLoopStyle(spec.id())) {
            return;
        }
        StudentCode code = SpecTesting.compileLoopStyle(spec.id());
        for (long seed : LOOP_STYLE_SEEDS) {
            SpecAssertions.assertFullScore(spec, code, seed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void stubsAreNotStarted(ExerciseSpec spec) {
        for (long seed : STUB_SEEDS) {
            SpecAssertions.assertNotStarted(spec, SpecTesting.compileStubs(spec.id()), seed);
        }
    }

    @TestFactory
    Stream<DynamicTest> variantsAreCaughtAndMeetTheirExpect() {
        return exercises().stream().flatMap(spec -> {
            List<String> variants = SpecTesting.variants(spec.id());
            Stream<DynamicTest> atLeastTwo = Stream.of(DynamicTest.dynamicTest(spec.id() + " has at least two variants",
                    () -> assertTrue(variants.size() >= 2, spec.id() + ": " + variants)));
            return Stream.concat(atLeastTwo, variants.stream().map(v -> DynamicTest.dynamicTest(spec.id() + "/" + v, () -> {
                for (long seed : VARIANT_SEEDS) {
                    SpecAssertions.assertVariantCaught(spec, spec.id(), v, seed);
                }
            })));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void sameSeedReplaysDifferentSeedsDrawDifferentCases(ExerciseSpec spec) {
        StudentCode code = SpecTesting.compileSolution(spec.id());
        for (long[] pair : SEED_PAIRS) {
            ExerciseResult a = spec.grade(code, pair[0]);
            assertEquals(a, spec.grade(code, pair[0]), "seed " + pair[0] + " did not replay");
            ExerciseResult b = spec.grade(code, pair[1]);
            String seeds = "seeds " + pair[0] + " and " + pair[1];
            assertNotEquals(cases(a), cases(b), seeds);
            if (!FIXED_CHECK_NAMES.contains(spec.id())) {
                assertNotEquals(names(a), names(b), seeds + " drew checks of the same names");
            }
        }
    }

    /** Judged by the grading thread's CPU time: wall time also counts whatever else the machine does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void solutionGradesQuickly(ExerciseSpec spec) {
        StudentCode code = SpecTesting.compileSolution(spec.id());
        var threads = ManagementFactory.getThreadMXBean();
        spec.grade(code, 30L);
        long cpu = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        spec.grade(code, 31L);
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        System.out.println(spec.id() + ": grading the solution took " + ms + " ms (" + cpuMs + " ms CPU)");
        double limit = SLOW_GRADE_CPU_MS.getOrDefault(spec.id(), GRADE_CPU_MS);
        assertTrue(cpuMs < limit, spec.id() + ": " + cpuMs + " ms CPU");
    }

    private static List<String> names(ExerciseResult r) {
        return r.checks().stream().map(CheckResult::name).toList();
    }

    private static List<String> cases(ExerciseResult r) {
        return r.checks().stream().map(c -> c.name() + " " + c.message()).toList();
    }
}
