package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class TensorComparisonTest {
    private static final Tensor EXPECTED = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);

    @Test
    void namesTheWorstElement() {
        Tensor actual = Tensor.of(new double[] {1, 2.001, 3, 4.4}, 2, 2);
        Comparison c = TensorComparison.compare("grad weight", EXPECTED, actual, 1e-6, 1e-9);
        assertFalse(c.passed());
        assertEquals("grad weight: mismatch, worst element [1, 1]: expected 4.0, got 4.4 (relative error 0.100,"
                + " allowed rtol 1.0E-6 atol 1.0E-9)", c.message());
        assertEquals(0.1, c.worstRelativeError(), 1e-9);
        assertThrows(AssertionError.class, c::orThrow);
    }

    @Test
    void reportsShapeMismatchAndNaN() {
        Comparison shape = TensorComparison.compare("output", EXPECTED, Tensor.zeros(4), 1e-6, 1e-9);
        assertEquals("output: shape [4] but expected [2, 2]", shape.message());
        Comparison nan = TensorComparison.compare("output", EXPECTED,
                Tensor.of(new double[] {1, Double.NaN, 3, 9}, 2, 2), 1e-6, 1e-9);
        assertFalse(nan.passed());
        assertTrue(nan.message().contains("1 element(s) are NaN or infinite; first at [0, 1]"), nan.message());
        assertFalse(TensorComparison.compare("output", EXPECTED, null, 1, 1).passed());
    }

    @Test
    void passesWithinTolerance() {
        Tensor actual = EXPECTED.add(1e-12);
        Comparison c = TensorComparison.compare("output", EXPECTED, actual, 1e-8, 0);
        assertTrue(c.passed(), c.message());
        Tensor inf = Tensor.vector(Double.POSITIVE_INFINITY);
        assertTrue(TensorComparison.compare("x", inf, inf, 1e-8, 0).passed());
    }

    @Test
    void allFiniteIsFalseForANaNOrAnInfinityAnywhere() {
        assertTrue(TensorComparison.allFinite(EXPECTED));
        assertFalse(TensorComparison.allFinite(Tensor.of(new double[] {1, 2, Double.NaN, 4}, 2, 2)));
        assertFalse(TensorComparison.allFinite(Tensor.of(new double[] {1, 2, 3, Double.NEGATIVE_INFINITY}, 2, 2)));
        assertTrue(TensorComparison.allFinite(Tensor.zeros(0)));
    }
}
