package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.junit.jupiter.api.Test;

/** 13-memorization builds on the layers of 03–08: SpecTesting compiles their solutions under it. */
class MemorizationExerciseTest {
    private static final String ID = "13-memorization";
    private final MemorizationExercise spec = new MemorizationExercise();

    private static StudentCode solution() {
        return SpecTesting.compileSolution(ID);
    }

    /** Ten seeds: the experiment's outcome must not depend on luck. */
    @Test
    void solutionScoresFullOnTenSeeds() {
        for (long seed = 1; seed <= 10; seed++) {
            ExerciseResult r = SpecAssertions.assertFullScore(spec, solution(), seed * 7919);
            assertEquals(10.0, r.maxScore(), 0.0);
        }
    }

    /** Forgetting zeroGrad is named by the watched loop, and the accumulated gradients spoil memorization. */
    @Test
    void forgottenZeroGradIsNamed() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "forgets-zero-grad"), 5L);
        CheckResult zeroed = r.checks().stream().filter(c -> c.name().contains("gradients zeroed")).findFirst()
                .orElseThrow();
        assertTrue(!zeroed.passed() && MemorizationExercise.ACCUMULATES.equals(zeroed.diagnosis()), zeroed.message());
        assertTrue(r.checks().stream().filter(c -> c.part() == Part.FORWARD).allMatch(CheckResult::passed));
    }

    @Test
    void metricsHaveOneRowPerEpoch() {
        MemorizationData.DataSet d = MemorizationData.generate(MemorizationExercise.DATA, new Rng(4));
        Object m = solution().callStatic(MemorizationExercise.EXPERIMENT, "run", new Class<?>[] {Tensor.class,
            Tensor.class, Tensor.class, Tensor.class, int.class, boolean.class, int.class, Rng.class},
                d.train().images(), d.train().labels(), d.test().images(), d.test().labels(), 10, false, 3, new Rng(1));
        List<?> rows = (List<?>) m;
        assertEquals(3, rows.size());
        for (Object row : rows) {
            assertEquals(3, ((double[]) row).length);
        }
    }

    /** The generator: balanced classes, both splits from the same clusters, random labels without a trace. */
    @Test
    void generatedDataIsBalancedAndRandomLabelsCarryNothing() {
        MemorizationData.DataSet d = MemorizationData.generate(MemorizationExercise.DATA, new Rng(9));
        assertEquals(100, d.train().size());
        assertEquals(100, d.test().size());
        Tensor labels = d.train().labels();
        Tensor random = MemorizationData.balancedRandomLabels(labels, 10, new Rng(1));
        for (int c = 0; c < 10; c++) {
            double members = labels.eq(c).sumAll();
            assertEquals(10, members, "class " + c);
            assertEquals(10, random.eq(c).sumAll(), "random class " + c);
            // within each true class every random label appears once: exactly chance agreement
            assertEquals(1, labels.eq(c).mul(random.eq(c)).sumAll(), "class " + c);
        }
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 2.0, Part.STATEFUL_INVARIANTS, 3.0, Part.EDGE_CASES, 5.0), spec.points());
        assertEquals(List.of("memorization.Experiment"), spec.studentClasses());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
        assertEquals(ID, ExerciseCatalog.all().get(ExerciseCatalog.all().size() - 1).id());
    }
}
