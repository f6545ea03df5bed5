package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    /** y = x ⊙ w + x², a tiny layer whose gradients are known: dx = g ⊙ (w + 2x), dw = g ⊙ x. */
    static final class ScaleSquare implements Layer {
        final Parameter w = new Parameter("weight", Tensor.vector(0.5, -1.5, 2.0));
        final boolean wrongInputGrad;
        Tensor x;

        ScaleSquare(boolean wrongInputGrad) {
            this.wrongInputGrad = wrongInputGrad;
        }

        @Override
        public Tensor forward(Tensor input) {
            x = input;
            return input.mul(w.value()).add(input.square());
        }

        @Override
        public Tensor backward(Tensor g) {
            w.accumulateGrad(g.mul(x));
            Tensor dx = g.mul(w.value().add(x.mul(2)));
            return wrongInputGrad ? dx.mul(-1) : dx;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w);
        }
    }

    @Test
    void numericVjpMatchesKnownGradient() {
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor g = Tensor.vector(1, -1, 0.5);
        Tensor numeric = NumericGradient.vjp(t -> t.square().mul(3), x, g, NumericGradient.DEFAULT_STEP);
        assertTrue(numeric.allClose(Tensor.vector(6, -12, 9), 1e-8, 1e-8), numeric.toString());
        double dir = NumericGradient.directional(t -> t.square(), x, g, Tensor.vector(1, 1, 1), 1e-6);
        assertEquals(2 * 1 - 4 + 3, dir, 1e-6);
    }

    @Test
    void correctLayerPassesAndWrongOneIsNamed() {
        Tensor x = Tensor.randn(new Rng(1), 3);
        Tensor g = Tensor.randn(new Rng(2), 3);
        List<Comparison> good = GradientCheck.layer(new ScaleSquare(false), x, g);
        assertEquals(2, good.size());
        GradientCheck.assertAllPassed(good);
        List<Comparison> bad = GradientCheck.layer(new ScaleSquare(true), x, g);
        assertFalse(bad.get(0).passed());
        assertTrue(bad.get(1).passed(), "the weight gradient is still right");
        AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.assertAllPassed(bad));
        assertTrue(e.getMessage().startsWith("grad input: mismatch"), e.getMessage());
    }

    @Test
    void functionCheckCoversEveryInput() {
        Tensor a = Tensor.randn(new Rng(3), 2, 3);
        Tensor b = Tensor.randn(new Rng(4), 3, 2);
        Tensor g = Tensor.randn(new Rng(5), 2, 2);
        List<Comparison> r = GradientCheck.function(in -> in.get(0).matmul(in.get(1)), List.of("a", "b"),
                List.of(a, b), g, List.of(g.matmul(b.t()), a.t().matmul(g)));
        GradientCheck.assertAllPassed(r);
        List<Comparison> wrong = GradientCheck.function(in -> in.get(0).matmul(in.get(1)), List.of("a", "b"),
                List.of(a, b), g, List.of(g.matmul(b.t()), a.t().matmul(g).mul(2)));
        assertTrue(wrong.get(0).passed());
        assertFalse(wrong.get(1).passed());
    }
}
