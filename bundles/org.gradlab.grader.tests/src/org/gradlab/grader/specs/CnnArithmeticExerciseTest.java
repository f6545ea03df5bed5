package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Rng;
import org.gradlab.engine.models.Models;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.specs.CnnArithmeticExercise.Reference;
import org.gradlab.grader.specs.CnnArithmeticExercise.Stack;
import org.junit.jupiter.api.Test;

class CnnArithmeticExerciseTest {
    private static final String ID = "09-cnn-arithmetic";
    private final CnnArithmeticExercise spec = new CnnArithmeticExercise();

    @Test
    void forgettingBiasesFailsOnlyParameterChecks() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "params-forget-bias"), 5L);
        for (CheckResult c : r.checks()) {
            boolean biasedCount = c.name().contains("parameters") && !c.name().contains("without bias");
            if (!biasedCount) {
                assertTrue(c.passed(), c.name() + ": " + c.message());
            }
        }
        CheckResult vgg = r.checks().stream().filter(c -> c.name().startsWith("VGG16: 138,357,544")).findFirst()
                .orElseThrow();
        assertTrue(!vgg.passed() && vgg.message().contains("got 138,344,128"), vgg.message());
    }

    @Test
    void ignoringDilationFailsOnlyDilatedReceptiveFields() {
        ExerciseResult r = spec.grade(SpecTesting.compileVariant(ID, "receptive-field-ignores-dilation"), 5L);
        CheckResult dilated = r.checks().stream().filter(c -> c.name().startsWith("dilated convolutions (")).findFirst()
                .orElseThrow();
        assertTrue(!dilated.passed(), dilated.message());
        for (CheckResult c : r.checks()) {
            if (!c.passed()) {
                assertTrue(c.name().contains("receptive field"), c.name());
            }
            if (c.name().startsWith("VGG16")) {
                assertTrue(c.passed(), c.name()); // no dilation in VGG16: the number is right
            }
        }
    }

    /** The course's numbers, straight from the reference: if the engine moved, the spec's constants would lie. */
    @Test
    void courseNumbersAreTheReferences() {
        Stack vgg = CnnArithmeticExercise.vgg16();
        Reference r = CnnArithmeticExercise.reference(vgg);
        assertEquals(CnnArithmeticExercise.VGG16_PARAMETERS, r.parameters());
        assertEquals(Models.vgg16Architecture().parameterCount(), r.parameters());
        assertEquals(CnnArithmeticExercise.VGG16_MULTIPLY_ADDS, r.multiplyAdds());
        assertArrayEquals(new int[] {1000}, r.shape());
        Stack features = new Stack("f", vgg.layers().subList(0, vgg.layers().size() - 6), vgg.input());
        assertEquals(CnnArithmeticExercise.VGG16_RECEPTIVE_FIELD, CnnArithmeticExercise.reference(features)
                .receptiveField());

        assertEquals(CnnArithmeticExercise.INCEPTION_NAIVE_PARAMETERS,
                sum(CnnArithmeticExercise.inceptionNaive(), true));
        assertEquals(CnnArithmeticExercise.INCEPTION_NAIVE_MULTIPLY_ADDS,
                sum(CnnArithmeticExercise.inceptionNaive(), false));
        assertEquals(CnnArithmeticExercise.INCEPTION_REDUCED_PARAMETERS,
                sum(CnnArithmeticExercise.inceptionReduced(), true));
        assertEquals(CnnArithmeticExercise.INCEPTION_REDUCED_MULTIPLY_ADDS,
                sum(CnnArithmeticExercise.inceptionReduced(), false));
        int naiveChannels = CnnArithmeticExercise.inceptionNaive().stream()
                .mapToInt(b -> CnnArithmeticExercise.reference(b).shape()[0]).sum();
        int reducedChannels = CnnArithmeticExercise.inceptionReduced().stream()
                .mapToInt(b -> CnnArithmeticExercise.reference(b).shape()[0]).sum();
        assertEquals(668, naiveChannels);
        assertEquals(476, reducedChannels);
    }

    private static long sum(List<Stack> branches, boolean parameters) {
        return branches.stream().mapToLong(b -> parameters ? CnnArithmeticExercise.reference(b).parameters()
                : CnnArithmeticExercise.reference(b).multiplyAdds()).sum();
    }

    /** Random stacks are valid (the reference accepts them) and vary: non-square, dilated, grouped, linear. */
    @Test
    void randomStacksAreValidAndVaried() {
        Rng rng = new Rng(5);
        boolean dilated = false;
        boolean grouped = false;
        boolean linear = false;
        boolean nonSquare = false;
        for (int i = 0; i < 200; i++) {
            Stack s = CnnArithmeticExercise.randomStack(rng, "s");
            Reference r = CnnArithmeticExercise.reference(s);
            assertTrue(r.parameters() >= 0 && r.multiplyAdds() > 0, s.describe());
            dilated |= s.layers().stream().anyMatch(d -> d.d() > 1);
            grouped |= s.layers().stream().anyMatch(d -> d.g() > 1);
            linear |= s.layers().stream().anyMatch(d -> d.kind().equals("linear"));
            nonSquare |= s.input()[1] != s.input()[2];
        }
        assertTrue(dilated && grouped && linear && nonSquare);
    }

    @Test
    void pointsAndClasses() {
        assertEquals(Map.of(Part.FORWARD, 5.0, Part.EDGE_CASES, 5.0), spec.points());
        assertEquals(List.of("cnn.CnnArithmetic", "cnn.LayerDesc"), spec.studentClasses());
        assertTrue(ExerciseCatalog.byId(ID).isPresent());
    }
}
