package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.junit.jupiter.api.Test;

class ActivationsExerciseTest {
    private static final String ID = "03-activations";
    private final ActivationsExercise spec = new ActivationsExercise();

    static List<String> variants() {
        return SpecTesting.variants(ID);
    }

    @Test
    void reluMaskFailsOnlyAtExactZeros() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "relu-mask-ge"), 4L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertEquals(1, failed.size(), SpecAssertions.describe(failed));
        assertTrue(failed.get(0).name().startsWith("ReLU/inputs exactly 0"), failed.get(0).name());
    }

    @Test
    void missingMaxShiftShowsOnlyAtHugeLogits() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "softmax-no-max-shift"), 4L);
        List<CheckResult> failed = r.checks().stream().filter(c -> !c.passed()).toList();
        assertTrue(!failed.isEmpty() && failed.stream().allMatch(c -> c.name().startsWith("Softmax/logits of ±1000")),
                SpecAssertions.describe(failed));
    }

    @Test
    void everyClassHasRandomCasesOfBothRanksAndInvariants() {
        ExerciseResult r = SpecAssertions.assertFullScore(spec, SpecTesting.compileSolution(ID), 2L);
        for (String kind : List.of("Sigmoid", "Tanh", "ReLU", "LeakyReLU(", "PReLU(", "ELU(", "Softmax(",
                "LogSoftmax(", "Maxout(")) {
            List<String> forwards = r.checks().stream().map(CheckResult::name)
                    .filter(n -> n.startsWith(kind) && n.endsWith(": forward") && !n.contains("inputs")).toList();
            assertTrue(forwards.stream().anyMatch(n -> n.contains("/2-d [")), kind + " " + forwards);
            assertTrue(forwards.stream().anyMatch(n -> n.contains("/4-d, batch 1 [1, ")), kind + " " + forwards);
            assertTrue(r.checks().stream().anyMatch(c -> c.name().startsWith(kind)
                    && c.part() == Part.STATEFUL_INVARIANTS), kind);
        }
    }
}
