package org.gradlab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.ops.Attrs;
import org.gradlab.engine.ops.Inputs;
import org.gradlab.engine.ops.OpRegistry;
import org.gradlab.engine.ops.OpResult;
import org.junit.jupiter.api.Test;

class ElementwiseLossesTest {
    private static final List<Function<Reduction, Loss>> ALL = List.of(MSELoss::new, L1Loss::new, BCELoss::new,
            BCEWithLogitsLoss::new);

    /**
     * Inputs each loss accepts for targets {@code t}: probabilities in (0.05, 0.95) for BCE, and for
     * L1 at least 0.1 away from the target so its kink stays outside the difference step.
     */
    private static Tensor inputFor(Loss loss, Rng rng, Tensor t) {
        int[] shape = t.shape();
        if (loss instanceof BCELoss) {
            return Tensor.uniform(rng, 0.05, 0.95, shape);
        }
        if (loss instanceof L1Loss) {
            Tensor d = Tensor.randn(rng, shape);
            return t.add(d).add(d.sign().mul(0.1)).add(d.eq(0.0).mul(0.1));
        }
        return Tensor.randn(rng, shape).mul(2.0);
    }

    @Test
    void gradientsMatchCentralDifferencesForBothReductions() {
        Rng rng = new Rng(50);
        for (Reduction r : Reduction.values()) {
            for (Function<Reduction, Loss> make : ALL) {
                Loss loss = make.apply(r);
                Tensor t = Tensor.uniform(rng, 0, 1, 3, 4); // soft targets in [0, 1] suit every loss
                LossTesting.assertGradient(loss, inputFor(loss, rng, t), t);
            }
        }
    }

    @Test
    void mseAndL1MatchHandValues() {
        Tensor x = Tensor.matrix(new double[] {1, 2}, new double[] {3, 5});
        Tensor t = Tensor.matrix(new double[] {0, 2}, new double[] {1, 1});
        MSELoss mse = new MSELoss();
        assertEquals(Reduction.MEAN, mse.reduction());
        assertEquals((1 + 0 + 4 + 16) / 4.0, mse.forward(x, t), 1e-15);
        assertArrayEquals(new double[] {0.5, 0, 1, 2}, mse.backward().toArray(), 1e-15);
        assertEquals(21.0, new MSELoss(Reduction.SUM).forward(x, t), 1e-15);
        L1Loss l1 = new L1Loss(Reduction.SUM);
        assertEquals(7.0, l1.forward(x, t), 1e-15);
        assertArrayEquals(new double[] {1, 0, 1, 1}, l1.backward().toArray()); // sign, and 0 where x = t
        L1Loss l1Mean = new L1Loss();
        l1Mean.forward(x, t);
        assertArrayEquals(new double[] {0.25, 0, 0.25, 0.25}, l1Mean.backward().toArray());
    }

    @Test
    void bceClampsLogsAtMinus100LikePyTorch() {
        BCELoss bce = new BCELoss(Reduction.SUM);
        Tensor x = Tensor.vector(0.0, 1.0, 1.0, 0.5);
        Tensor t = Tensor.vector(1.0, 0.0, 1.0, 0.5);
        // −log 0 → 100 twice; a perfect prediction costs 0; 0.5 vs 0.5 costs ln 2.
        assertEquals(200 + Math.log(2), bce.forward(x, t), 1e-12);
        double[] g = bce.backward().toArray();
        assertEquals(-1e12, g[0], 1.0); // (x − t) / max(x(1−x), 1e-12)
        assertEquals(1e12, g[1], 1.0);
        assertEquals(0.0, g[2]);
        assertEquals(0.0, g[3]);
        BCELoss mean = new BCELoss();
        assertEquals(-(0.3 * Math.log(0.8) + 0.7 * Math.log(0.2)), mean.forward(Tensor.vector(0.8), Tensor.vector(0.3)),
                1e-15);
    }

    @Test
    void bceRejectsValuesOutsideTheUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCELoss().forward(Tensor.vector(0.5, 1.2), Tensor.vector(0, 1)));
        assertTrue(e.getMessage().startsWith("BCELoss: every input element must be between 0 and 1, got 1.2 at flat index 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BCELoss().forward(Tensor.vector(0.5, 0.2), Tensor.vector(-1, 1)));
        assertTrue(e.getMessage().startsWith("BCELoss: every target element"), e.getMessage());
    }

    @Test
    void bceWithLogitsIsFiniteAndExactAtPlusMinus1000() {
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss(Reduction.SUM);
        Tensor x = Tensor.vector(1000, 1000, -1000, -1000, 0);
        Tensor t = Tensor.vector(1, 0, 0, 1, 0.25);
        assertEquals(0 + 1000 + 0 + 1000 + Math.log(2), loss.forward(x, t), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0, -1, 0.25}, loss.backward().toArray(), 1e-15);
        // Matches the naive formula where that is representable.
        double xv = 2.0;
        double tv = 0.3;
        double s = 1 / (1 + Math.exp(-xv));
        assertEquals(-(tv * Math.log(s) + (1 - tv) * Math.log(1 - s)),
                new BCEWithLogitsLoss().forward(Tensor.vector(xv), Tensor.vector(tv)), 1e-14);
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(51);
        for (Function<Reduction, Loss> make : ALL) {
            Loss l64 = make.apply(Reduction.MEAN);
            Loss l32 = make.apply(Reduction.MEAN);
            Tensor t = Tensor.uniform(rng, 0, 1, 4, 5);
            Tensor x = inputFor(l64, rng, t);
            double v64 = l64.forward(x, t);
            double v32 = l32.forward(x.to(DType.FLOAT32), t.to(DType.FLOAT32));
            assertEquals(v64, v32, 1e-4 * Math.abs(v64) + 1e-6, l64.toString());
            Tensor g32 = l32.backward();
            assertEquals(DType.FLOAT32, g32.dtype());
            TensorComparison.compare(l64 + " float32 grad", l64.backward(), g32, 1e-4, 1e-6).orThrow();
        }
    }

    @Test
    void shapeMismatchNamesLossAndBothShapes() {
        for (Function<Reduction, Loss> make : ALL) {
            Loss loss = make.apply(Reduction.MEAN);
            ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                    () -> loss.forward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
            String name = loss.getClass().getSimpleName();
            assertEquals(name + ": input and target must have the same shape (shapes [2, 3] and [3, 2])", e.getMessage());
        }
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MSELoss().backward());
        assertEquals("MSELoss: backward called before forward", e.getMessage());
    }

    @Test
    void opFamilyScalesByGradOutputAndReturnsScalars() {
        Tensor x = Tensor.matrix(new double[] {1, 2}, new double[] {3, 5});
        Tensor t = Tensor.matrix(new double[] {0, 2}, new double[] {1, 1});
        OpResult r = OpRegistry.get().tensorOp("mse_loss").run(new Attrs("mse_loss", Map.of("reduction", "sum")),
                new Inputs("mse_loss", Map.of("input", x, "target", t)), Tensor.scalar(0.5));
        assertArrayEquals(new int[0], r.output().shape());
        assertEquals(21.0, r.output().item(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 2, 4}, r.grads().get("input").toArray(), 1e-15); // 0.5 · 2(x − t)
        assertEquals(1, r.grads().size());
        for (String op : List.of("l1_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits")) {
            Tensor in = Tensor.full(DType.FLOAT64, 0.5, 2, 2);
            OpResult o = OpRegistry.get().tensorOp(op).run(new Attrs(op, Map.of()),
                    new Inputs(op, Map.of("input", in, "target", Tensor.ones(2, 2))), Tensor.scalar(2.0));
            assertArrayEquals(new int[0], o.output().shape(), op);
            assertTrue(o.grads().get("input").sumAll() < 0, op + " pushes the input towards the target");
        }
    }
}
