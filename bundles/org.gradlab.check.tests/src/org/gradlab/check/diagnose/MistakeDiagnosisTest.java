package org.gradlab.check.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class MistakeDiagnosisTest {
    private static final Tensor E = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});

    @Test
    void namesGenericPatterns() {
        MistakeDiagnosis d = new MistakeDiagnosis().factor("the batch size", 2);
        assertTrue(d.diagnose(E, E.neg()).startsWith("sign flipped"));
        assertEquals("off by a factor of the batch size (2)", d.diagnose(E, E.mul(2)));
        assertEquals("off by a factor of 1/(the batch size) (0.5)", d.diagnose(E, E.div(2)));
        assertTrue(d.diagnose(E, E.t()).startsWith("transposed: shape [3, 2] instead of [2, 3]"));
        Tensor square = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
        assertTrue(d.diagnose(square, square.t()).startsWith("transposed"));
        assertTrue(d.diagnose(E, E.map(v -> v == 5 ? Double.NaN : v)).startsWith("NaN or infinity"));
        assertNull(d.diagnose(E, E.add(0.3)), "an unrelated error names nothing");
    }

    @Test
    void missingSumOverABroadcastAxis() {
        Tensor biasGrad = Tensor.vector(5, 7, 9);
        String s = new MistakeDiagnosis().diagnose(biasGrad, E);
        assertTrue(s.startsWith("missing sum over a broadcast axis"), s);
    }

    @Test
    void boundaryAndVariants() {
        Tensor mask = Tensor.matrix(new double[] {0, 1, 0}, new double[] {0, 0, 0});
        Tensor wrongAtBoundary = E.copy();
        wrongAtBoundary.set(0, 0, 1);
        MistakeDiagnosis d = new MistakeDiagnosis().boundary("inputs exactly at 0", mask);
        assertEquals("wrong only at inputs exactly at 0: check the mask / condition used there",
                d.diagnose(E, wrongAtBoundary));
        Tensor withNaN = E.map(v -> v == 1 ? Double.NaN : v * 3);
        MistakeDiagnosis v = new MistakeDiagnosis().variant("diagonal masked", withNaN);
        assertEquals("diagonal masked", v.diagnose(E, withNaN.copy()), "a variant may itself contain NaN");
    }
}
