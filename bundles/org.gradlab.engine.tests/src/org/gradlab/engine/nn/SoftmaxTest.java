package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    @Test
    void gradientsMatchCentralDifferencesOnEveryAxis() {
        Rng rng = new Rng(3);
        Tensor x = Tensor.randn(rng, 2, 3, 4).mul(2.0);
        for (int dim : new int[] {0, 1, 2, -1, -2, -3}) {
            ActivationTesting.assertGradients(new Softmax(dim), x, rng);
            ActivationTesting.assertGradients(new LogSoftmax(dim), x, rng);
        }
    }

    @Test
    void forwardMatchesHandValues() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {0, 0, Math.log(2)});
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        Tensor y = new Softmax(1).forward(x);
        assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 0.25, 0.25, 0.5},
                y.toArray(), 1e-15);
        Tensor cols = new Softmax(0).forward(x); // columns: softmax of (1,0), (2,0), (3, ln 2)
        assertEquals(Math.exp(1) / (Math.exp(1) + 1), cols.get(0, 0), 1e-15);
        assertEquals(Math.exp(3) / (Math.exp(3) + 2), cols.get(0, 2), 1e-15);
        Tensor logY = new LogSoftmax(-1).forward(x);
        TensorComparison.compare("log_softmax = log(softmax)", y.log(), logY, 1e-14, 1e-15).orThrow();
    }

    @Test
    void extremeLogitsStayFiniteAndCorrect() {
        Tensor x = Tensor.matrix(new double[] {1000, -1000, 0, 999}, new double[] {-1000, -1000, -999.5, 3},
                new double[] {1000, 1000, -1000, 1000});
        Tensor y = new Softmax(-1).forward(x);
        Tensor logY = new LogSoftmax(-1).forward(x);
        for (double v : y.toArray()) {
            assertTrue(Double.isFinite(v), "softmax " + v);
        }
        for (double v : logY.toArray()) {
            assertTrue(Double.isFinite(v), "log_softmax " + v);
        }
        double lse0 = 1000 + Math.log1p(Math.exp(-1)); // log(e^1000 + e^999), others negligible
        assertEquals(1 / (1 + Math.exp(-1)), y.get(0, 0), 1e-15);
        assertEquals(-2000 - Math.log1p(Math.exp(-1)), logY.get(0, 1), 1e-9);
        assertEquals(1000 - lse0, logY.get(0, 0), 1e-12);
        assertEquals(1.0 / 3, y.get(2, 0), 1e-15);
        assertEquals(-Math.log(3), logY.get(2, 3), 1e-12);
        assertEquals(-1003.0, logY.get(1, 0), 1e-9);
        LogSoftmax ls = new LogSoftmax(0);
        ls.forward(x);
        for (double v : ls.backward(Tensor.ones(3, 4)).toArray()) {
            assertTrue(Double.isFinite(v), "log_softmax gradient " + v);
        }
    }

    @Test
    void rowsSumToOneAndFunctionalAgrees() {
        Tensor x = Tensor.randn(new Rng(4), 3, 7).mul(5.0);
        Tensor y = new Softmax(1).forward(x);
        assertArrayEquals(new double[] {1, 1, 1}, y.sum(1, false).toArray(), 1e-14);
        assertArrayEquals(y.toArray(), Functional.softmax(x, 1).toArray());
        assertArrayEquals(new LogSoftmax(1).forward(x).toArray(), Functional.logSoftmax(x, -1).toArray());
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(5);
        Tensor x = Tensor.randn(rng, 2, 3, 4);
        ActivationTesting.assertFloat32Agrees(() -> new Softmax(1), () -> new Softmax(1), x, rng);
        ActivationTesting.assertFloat32Agrees(() -> new LogSoftmax(-1), () -> new LogSoftmax(-1), x, rng);
    }

    @Test
    void dimOutOfRangeNamesTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Softmax(2).forward(Tensor.zeros(3, 4)));
        assertTrue(e.getMessage().startsWith("Softmax: axis 2 is out of range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LogSoftmax(-3).forward(Tensor.zeros(3, 4)));
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LogSoftmax(0).backward(Tensor.zeros(2)));
        assertEquals("LogSoftmax: backward called before forward", e.getMessage());
    }
}
