package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.check.GradientCheck;
import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void sameSeedGivesSameMaskAndDifferentSeedsDiffer() {
        Tensor x = Tensor.ones(50, 40);
        Dropout a = new Dropout(0.3, new Rng(11));
        Dropout b = new Dropout(0.3, new Rng(11));
        Dropout c = new Dropout(0.3, new Rng(12));
        assertArrayEquals(a.forward(x).toArray(), b.forward(x).toArray());
        assertArrayEquals(a.lastMask().toArray(), b.lastMask().toArray());
        c.forward(x);
        assertFalse(java.util.Arrays.equals(a.lastMask().toArray(), c.lastMask().toArray()));
        // Successive calls draw fresh masks.
        double[] first = a.lastMask().toArray();
        a.forward(x);
        assertFalse(java.util.Arrays.equals(first, a.lastMask().toArray()));
    }

    @Test
    void keptEntriesAreScaledByExactlyOneOverOneMinusP() {
        double p = 0.3;
        Tensor x = Tensor.randn(new Rng(13), 20, 30);
        Dropout d = new Dropout(p, new Rng(14));
        Tensor y = d.forward(x);
        double[] mask = d.lastMask().toArray();
        int kept = 0;
        for (int i = 0; i < mask.length; i++) {
            assertTrue(mask[i] == 0.0 || mask[i] == 1.0, "mask holds 0/1");
            if (mask[i] == 1.0) {
                kept++;
                assertEquals(x.getFlat(i) * (1.0 / (1.0 - p)), y.getFlat(i));
            } else {
                assertEquals(0.0, y.getFlat(i));
            }
        }
        assertTrue(kept > 0 && kept < mask.length);
    }

    @Test
    void droppedFractionIsCloseToP() {
        for (double p : new double[] {0.1, 0.5, 0.8}) {
            Dropout d = new Dropout(p, new Rng(15));
            d.forward(Tensor.ones(100_000));
            double dropped = 1.0 - d.lastMask().meanAll();
            // Binomial standard deviation √(p(1−p)/n) ≤ 0.0016; allow 5 of them.
            assertEquals(p, dropped, 0.008, "p = " + p);
        }
    }

    @Test
    void backwardUsesTheForwardMask() {
        Dropout d = new Dropout(0.4, new Rng(16));
        d.forward(Tensor.randn(new Rng(17), 6, 7));
        Tensor mask = d.lastMask();
        Tensor g = Tensor.randn(new Rng(18), 6, 7);
        Tensor gx = d.backward(g);
        assertArrayEquals(g.mul(mask).mul(1.0 / 0.6).toArray(), gx.toArray(), 1e-15);
    }

    @Test
    void gradientMatchesCentralDifferencesForAFixedMask() {
        // A fresh layer with the same seed redraws the same mask, which makes dropout a fixed linear map.
        Tensor x = Tensor.randn(new Rng(19), 3, 4);
        Tensor g = Tensor.randn(new Rng(20), 3, 4);
        Dropout d = new Dropout(0.5, new Rng(21));
        d.forward(x);
        Tensor analytic = d.backward(g);
        GradientCheck.assertAllPassed(GradientCheck.function(in -> new Dropout(0.5, new Rng(21)).forward(in.get(0)),
                List.of("input"), List.of(x), g, List.of(analytic)));
    }

    @Test
    void evalModeIsIdentity() {
        Dropout d = new Dropout(0.9, new Rng(22));
        d.setTraining(false);
        assertFalse(d.isTraining());
        Tensor x = Tensor.randn(new Rng(23), 4, 5);
        assertSame(x, d.forward(x));
        assertNull(d.lastMask());
        Tensor g = Tensor.randn(new Rng(24), 4, 5);
        assertArrayEquals(g.toArray(), d.backward(g).toArray());
        d.setTraining(true);
        d.forward(Tensor.ones(10_000));
        assertEquals(0.1, d.lastMask().meanAll(), 0.015, "training again keeps about 10%");
    }

    @Test
    void pOfZeroKeepsEverythingAndPOfOneDropsEverything() {
        Tensor x = Tensor.randn(new Rng(25), 10, 10);
        assertArrayEquals(x.toArray(), new Dropout(0.0, new Rng(26)).forward(x).toArray());
        Dropout all = new Dropout(1.0, new Rng(27));
        Tensor y = all.forward(x);
        assertEquals(0.0, y.abs().sumAll());
        assertEquals(0.0, all.backward(Tensor.ones(10, 10)).abs().sumAll());
        for (double v : y.toArray()) {
            assertFalse(Double.isNaN(v));
        }
    }

    @Test
    void invalidProbabilityIsRejectedWithClearMessage() {
        for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(p, new Rng(0)));
            assertEquals("Dropout: probability p must be between 0 and 1, got " + p, e.getMessage());
        }
    }

    @Test
    void float32KeepsItsType() {
        Dropout d = new Dropout(0.5, new Rng(28));
        Tensor y = d.forward(Tensor.ones(DType.FLOAT32, 3, 3));
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals(DType.FLOAT32, d.backward(Tensor.ones(DType.FLOAT32, 3, 3)).dtype());
        for (double v : y.toArray()) {
            assertTrue(v == 0.0 || v == 2.0, "float32 value " + v);
        }
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Dropout(0.5, new Rng(0)).backward(Tensor.zeros(2)));
        assertEquals("Dropout: backward called before forward", e.getMessage());
    }
}
