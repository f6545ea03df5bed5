package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.check.GradientCheck;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class MultiheadAttentionTest {
    /** Random non-zero biases too (PyTorch initialises them to zero, which would hide bias bugs). */
    private static MultiheadAttention randomized(MultiheadAttention mha, Rng rng) {
        mha.inProjBias().value().copyFrom(Tensor.randn(rng, mha.inProjBias().value().shape()).mul(0.2));
        mha.outProjBias().value().copyFrom(Tensor.randn(rng, mha.outProjBias().value().shape()).mul(0.2));
        return mha;
    }

    private static void assertGradients(MultiheadAttention mha, int n, int l, int s, boolean causal, Rng rng) {
        int e = mha.embedDim();
        MultiInputTesting.assertGradients(List.of("query", "key", "value"),
                List.of(Tensor.randn(rng, n, l, e), Tensor.randn(rng, n, s, e), Tensor.randn(rng, n, s, e)),
                mha.parameters(),
                in -> mha.forward(in.get(0), in.get(1), in.get(2), causal),
                g -> {
                    ScaledDotProductAttention.Grads d = mha.backward(g);
                    return List.of(d.query(), d.key(), d.value());
                }, rng);
    }

    @Test
    void gradientsWithTwoHeadsIncludingParameters() {
        Rng rng = new Rng(1);
        assertGradients(randomized(new MultiheadAttention(4, 2, rng), rng), 2, 3, 4, false, rng);
        assertGradients(randomized(new MultiheadAttention(4, 2, rng), rng), 2, 4, 4, true, rng);
        assertGradients(randomized(new MultiheadAttention(6, 3, rng), rng), 1, 2, 3, false, rng);
    }

    @Test
    void selfAttentionLayerSumsTheThreeInputGradients() {
        Rng rng = new Rng(2);
        MultiheadAttention mha = randomized(new MultiheadAttention(4, 2, rng), rng);
        Tensor x = Tensor.randn(rng, 2, 3, 4);
        Tensor g = Tensor.randn(rng, 2, 3, 4);
        for (boolean causal : new boolean[] {false, true}) {
            Layer self = mha.selfAttention(causal);
            GradientCheck.assertAllPassed(GradientCheck.layer(self, x, g));
            self.forward(x);
            Tensor sum = self.backward(g);
            mha.forward(x, x, x, causal);
            ScaledDotProductAttention.Grads d = mha.backward(g);
            assertArrayEquals(d.query().add(d.key()).add(d.value()).toArray(), sum.toArray(), 1e-14);
            assertTrue(!d.query().allClose(sum, 1e-3, 1e-3), "dq alone is not the gradient of x");
        }
    }

    /** An independent composition from tensor ops: project, slice heads, softmax(QKᵀ/√d)V, concat, project. */
    @Test
    void forwardMatchesReferenceComposition() {
        Rng rng = new Rng(3);
        int e = 6;
        int heads = 3;
        int d = 2;
        MultiheadAttention mha = randomized(new MultiheadAttention(e, heads, rng), rng);
        Tensor q = Tensor.randn(rng, 2, 3, e);
        Tensor k = Tensor.randn(rng, 2, 4, e);
        Tensor v = Tensor.randn(rng, 2, 4, e);
        Tensor w = mha.inProjWeight().value();
        Tensor b = mha.inProjBias().value();
        Tensor pq = q.matmul(w.slice(0, 0, e).t()).add(b.slice(0, 0, e));
        Tensor pk = k.matmul(w.slice(0, e, 2 * e).t()).add(b.slice(0, e, 2 * e));
        Tensor pv = v.matmul(w.slice(0, 2 * e, 3 * e).t()).add(b.slice(0, 2 * e, 3 * e));
        List<Tensor> outs = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            Tensor qh = pq.slice(2, h * d, (h + 1) * d);
            Tensor kh = pk.slice(2, h * d, (h + 1) * d);
            Tensor vh = pv.slice(2, h * d, (h + 1) * d);
            outs.add(Functional.softmax(qh.matmul(kh.transpose(1, 2)).div(Math.sqrt(d)), -1).matmul(vh));
        }
        Tensor expected = Tensor.cat(outs, 2).matmul(mha.outProjWeight().value().t()).add(mha.outProjBias().value());
        TensorComparison.compare("output", expected, mha.forward(q, k, v, false), 1e-13, 1e-14).orThrow();
    }

    @Test
    void causalMaskHidesFutureKeysAndValues() {
        Rng rng = new Rng(4);
        MultiheadAttention mha = randomized(new MultiheadAttention(4, 2, rng), rng);
        Tensor x = Tensor.randn(rng, 1, 4, 4);
        Tensor y = mha.forward(x, x, x, true);
        Tensor changed = x.copy();
        for (int e = 0; e < 4; e++) {
            changed.set(x.get(0, 2, e) + 3, 0, 2, e);
        }
        // the query stays the same; only the keys/values at position 2 change
        Tensor y2 = mha.forward(x, changed, changed, true);
        assertArrayEquals(y.slice(1, 0, 2).toArray(), y2.slice(1, 0, 2).toArray());
        assertTrue(!y.slice(1, 2, 4).allClose(y2.slice(1, 2, 4), 1e-6, 1e-6));
    }

    @Test
    void parametersAreNamedAndInitialisedLikePyTorch() {
        MultiheadAttention mha = new MultiheadAttention(8, 2, new Rng(5));
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                mha.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {24, 8}, mha.inProjWeight().value().shape());
        assertArrayEquals(new int[] {24}, mha.inProjBias().value().shape());
        assertArrayEquals(new int[] {8, 8}, mha.outProjWeight().value().shape());
        assertArrayEquals(new int[] {8}, mha.outProjBias().value().shape());
        assertEquals(0.0, mha.inProjBias().value().abs().maxAll());
        assertEquals(0.0, mha.outProjBias().value().abs().maxAll());
        double xavier = Math.sqrt(6.0 / (8 + 24));
        assertTrue(mha.inProjWeight().value().abs().maxAll() <= xavier);
        assertTrue(mha.inProjWeight().value().abs().maxAll() > 0.8 * xavier);
        assertTrue(mha.outProjWeight().value().abs().maxAll() <= 1 / Math.sqrt(8));
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(6);
        MultiheadAttention m64 = randomized(new MultiheadAttention(4, 2, new Rng(7)), new Rng(8));
        MultiheadAttention m32 = randomized(new MultiheadAttention(DType.FLOAT32, 4, 2, new Rng(7)), new Rng(8));
        MultiInputTesting.shareWeights(m32.parameters(), m64.parameters());
        Tensor q = Tensor.randn(rng, 2, 3, 4);
        Tensor kv = Tensor.randn(rng, 2, 5, 4);
        MultiInputTesting.assertFloat32Close("output", m64.forward(q, kv, kv, false),
                m32.forward(q.to(DType.FLOAT32), kv.to(DType.FLOAT32), kv.to(DType.FLOAT32), false));
        Tensor g = Tensor.randn(rng, 2, 3, 4);
        ScaledDotProductAttention.Grads d64 = m64.backward(g);
        ScaledDotProductAttention.Grads d32 = m32.backward(g.to(DType.FLOAT32));
        MultiInputTesting.assertFloat32Close("grad query", d64.query(), d32.query());
        MultiInputTesting.assertFloat32Close("grad key", d64.key(), d32.key());
        MultiInputTesting.assertFloat32Close("grad value", d64.value(), d32.value());
        MultiInputTesting.assertParamGradsClose(m64.parameters(), m32.parameters());
    }

    @Test
    void errorsAreClear() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(5, 2, new Rng(1)));
        assertEquals("MultiheadAttention: embed_dim 5 must be divisible by num_heads 2", e.getMessage());
        MultiheadAttention mha = new MultiheadAttention(4, 2, new Rng(1));
        e = assertThrows(IllegalArgumentException.class,
                () -> mha.forward(Tensor.zeros(2, 3, 5), Tensor.zeros(2, 3, 4), Tensor.zeros(2, 3, 4), false));
        assertEquals("MultiheadAttention: query expected shape (N, L, 4) (batch first, embed_dim 4) (shapes [2, 3, 5])",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mha.forward(Tensor.zeros(2, 3, 4), Tensor.zeros(1, 3, 4), Tensor.zeros(1, 3, 4), false));
        assertTrue(e.getMessage().startsWith("MultiheadAttention: key and value expected shape (N, S, 4)"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3, 4] and [1, 3, 4]"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> mha.backward(Tensor.zeros(2, 3, 4)));
        assertEquals("MultiheadAttention: backward called before forward", s.getMessage());
    }
}
