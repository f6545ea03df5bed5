package org.gradlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.ops.Attrs;
import org.gradlab.engine.ops.Inputs;
import org.gradlab.engine.ops.OpRegistry;
import org.gradlab.engine.ops.OpResult;
import org.junit.jupiter.api.Test;

class ClassificationLossesTest {
    private static Tensor classes(Rng rng, int c, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, rng.nextInt(c));
        }
        return t;
    }

    @Test
    void crossEntropyMatchesHandValues() {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        Tensor x = Tensor.matrix(new double[] {0, 0, 0}, new double[] {Math.log(2), 0, 0});
        double expected = (Math.log(3) + (Math.log(4) - Math.log(2))) / 2; // −log(1/3), −log(2/4)
        assertEquals(expected, ce.forward(x, Tensor.vector(1, 0)), 1e-15);
        // softmax − one-hot, averaged over the 2 samples.
        assertArrayEquals(new double[] {1.0 / 6, -1.0 / 3, 1.0 / 6, -0.25, 0.125, 0.125}, ce.backward().toArray(), 1e-15);
    }

    @Test
    void crossEntropyIsStableAtPlusMinus1000() {
        CrossEntropyLoss ce = new CrossEntropyLoss(Reduction.SUM);
        Tensor x = Tensor.matrix(new double[] {1000, -1000, 0}, new double[] {1000, -1000, 0},
                new double[] {1000, 1000, -1000});
        assertEquals(0 + 2000 + Math.log(2), ce.forward(x, Tensor.vector(0, 1, 0)), 1e-9);
        double[] g = ce.backward().toArray();
        assertArrayEquals(new double[] {0, 0, 0, 1, -1, 0, -0.5, 0.5, 0}, g, 1e-15);
    }

    @Test
    void crossEntropyGradientsMatchCentralDifferences() {
        Rng rng = new Rng(60);
        for (Reduction r : Reduction.values()) {
            LossTesting.assertGradient(new CrossEntropyLoss(r), Tensor.randn(rng, 4, 5).mul(2), classes(rng, 5, 4));
        }
        // Spatial (N, C, d) logits with (N, d) targets, and unbatched (C) with a 0-d target.
        LossTesting.assertGradient(new CrossEntropyLoss(), Tensor.randn(rng, 2, 3, 4), classes(rng, 3, 2, 4));
        LossTesting.assertGradient(new CrossEntropyLoss(), Tensor.randn(rng, 4), Tensor.scalar(2));
    }

    @Test
    void crossEntropyValidatesTargets() {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.forward(Tensor.zeros(3, 5), Tensor.vector(0, 5, 1)));
        assertEquals("CrossEntropyLoss: target 5 at index [1] is not a class index for C = 5 classes "
                + "(expected an integer from 0 to 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.forward(Tensor.zeros(2, 5), Tensor.vector(-1, 0)));
        assertTrue(e.getMessage().contains("target -1 at index [0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ce.forward(Tensor.zeros(2, 5), Tensor.vector(0, 1.5)));
        assertTrue(e.getMessage().contains("target 1.5 at index [1]"), e.getMessage());
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> ce.forward(Tensor.zeros(3, 5), Tensor.zeros(4)));
        assertTrue(s.getMessage().startsWith("CrossEntropyLoss: target must have the input's shape without the class axis 1"),
                s.getMessage());
        assertTrue(s.getMessage().contains("[3, 5]") && s.getMessage().contains("[4]"), s.getMessage());
    }

    @Test
    void multiMarginMatchesHandValues() {
        // torch's documented example: x = [0.1, 0.2, 0.4, 0.8], y = 3 → (0.3 + 0.4 + 0.6) / 4 = 0.325.
        MultiMarginLoss m = new MultiMarginLoss();
        Tensor x = Tensor.matrix(new double[] {0.1, 0.2, 0.4, 0.8});
        assertEquals(0.325, m.forward(x, Tensor.vector(3)), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, -0.75}, m.backward().toArray(), 1e-15);
        // A margin the others already clear contributes nothing.
        MultiMarginLoss small = new MultiMarginLoss(0.3, 1, Reduction.SUM);
        assertEquals(0.0, small.forward(x, Tensor.vector(3)));
        MultiMarginLoss squared = new MultiMarginLoss(1.0, 2, Reduction.MEAN);
        assertEquals((0.09 + 0.16 + 0.36) / 4, squared.forward(x, Tensor.vector(3)), 1e-15);
    }

    @Test
    void multiMarginGradientsMatchCentralDifferences() {
        Rng rng = new Rng(61);
        for (Reduction r : Reduction.values()) {
            for (int p : new int[] {1, 2}) {
                LossTesting.assertGradient(new MultiMarginLoss(0.7, p, r), Tensor.randn(rng, 5, 4), classes(rng, 4, 5));
            }
        }
        LossTesting.assertGradient(new MultiMarginLoss(), Tensor.randn(rng, 6), Tensor.scalar(4));
    }

    @Test
    void multiMarginValidates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiMarginLoss(1.0, 3, Reduction.MEAN));
        assertEquals("MultiMarginLoss: p must be 1 or 2, got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultiMarginLoss().forward(Tensor.zeros(2, 3), Tensor.vector(0, 3)));
        assertTrue(e.getMessage().startsWith("MultiMarginLoss: target 3 at index [1]"), e.getMessage());
        assertThrows(ShapeMismatchException.class,
                () -> new MultiMarginLoss().forward(Tensor.zeros(2, 3, 2), Tensor.zeros(2, 2)));
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(62);
        Tensor x = Tensor.randn(rng, 6, 4);
        Tensor t = classes(rng, 4, 6);
        for (boolean hinge : new boolean[] {false, true}) {
            var l64 = hinge ? new MultiMarginLoss() : new CrossEntropyLoss();
            var l32 = hinge ? new MultiMarginLoss() : new CrossEntropyLoss();
            double v64 = l64.forward(x, t);
            assertEquals(v64, l32.forward(x.to(DType.FLOAT32), t.to(DType.FLOAT32)), 1e-4 * Math.abs(v64) + 1e-6);
            TensorComparison.compare("float32 grad", l64.backward(), l32.backward(), 1e-4, 1e-6).orThrow();
        }
    }

    @Test
    void opFamilyReadsAttributes() {
        Tensor x = Tensor.matrix(new double[] {0.1, 0.2, 0.4, 0.8});
        OpResult r = OpRegistry.get().tensorOp("multi_margin_loss").run(
                new Attrs("multi_margin_loss", Map.of("reduction", "sum", "margin", 2.0, "p", 1)),
                new Inputs("multi_margin_loss", Map.of("input", x, "target", Tensor.vector(3))), Tensor.scalar(2.0));
        assertEquals((1.3 + 1.4 + 1.6) / 4, r.output().item(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, -1.5}, r.grads().get("input").toArray(), 1e-15);
        OpResult ce = OpRegistry.get().tensorOp("cross_entropy").run(new Attrs("cross_entropy", Map.of()),
                new Inputs("cross_entropy", Map.of("input", Tensor.zeros(2, 4), "target", Tensor.vector(1, 2))),
                Tensor.scalar(1.0));
        assertEquals(Math.log(4), ce.output().item(), 1e-15); // default reduction is mean
    }
}
