package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.junit.jupiter.api.Test;

class FullyConnectedExerciseTest {
    private static final String ID = "05-fully-connected";
    private final FullyConnectedExercise spec = new FullyConnectedExercise();

    @Test
    void transposedWeightGradientIsNamedWhereTheWeightIsSquare() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "weight-grad-transposed"), 6L);
        CheckResult square = r.checks().stream()
                .filter(c -> c.name().contains("square weight") && c.name().endsWith("(parameter gradients)"))
                .findFirst().orElseThrow();
        assertTrue(!square.passed() && square.diagnosis().startsWith("transposed"), square.toString());
        // elsewhere the transposed gradient has the wrong shape and the student sees the shapes
        assertTrue(r.checks().stream().anyMatch(c -> c.message().contains("accumulateGrad")), r.toString());
    }

    @Test
    void batchOfOneCannotTellSumFromMean() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "grad-divided-by-batch"), 6L);
        assertTrue(r.checks().stream().filter(c -> c.name().contains("batch 1")).allMatch(CheckResult::passed));
        assertTrue(r.checks().stream().anyMatch(c -> !c.passed() && c.name().contains("3-d")));
    }

    @Test
    void theTwoLayerNetLearnsTheClustersWithAMarginOnEverySeed() {
        var code = SpecTesting.compileSolution(ID);
        for (long seed = 0; seed < 10; seed++) {
            CheckResult train = spec.grade(code, seed).checks().stream()
                    .filter(c -> c.name().startsWith("TwoLayerNet.train")).findFirst().orElseThrow();
            assertTrue(train.passed() && train.message().contains("after epoch 15: 1.000"), train.toString());
        }
    }

    @Test
    void aTwoLayerNetWithoutTheReluMaskInBackwardIsNamed() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "relu-mask-missing-in-backward"), 3L);
        CheckResult grads = r.checks().stream().filter(c -> c.name().startsWith("TwoLayerNet(")
                && c.name().endsWith("(parameter gradients)")).findFirst().orElseThrow();
        assertTrue(!grads.passed() && grads.diagnosis().contains("ReLU's mask"), grads.toString());
        // the Linear checks are untouched by the mistake
        assertTrue(r.checks().stream().filter(c -> c.name().startsWith("Linear(")).allMatch(CheckResult::passed));
    }
}
