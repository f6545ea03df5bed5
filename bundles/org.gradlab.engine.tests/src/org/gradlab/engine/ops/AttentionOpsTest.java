package org.gradlab.engine.ops;

import static org.gradlab.engine.ops.OpTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.MultiheadAttention;
import org.gradlab.engine.nn.ScaledDotProductAttention;
import org.junit.jupiter.api.Test;

/** The attention ops against the engine modules: attribute handling and gradient names. */
class AttentionOpsTest {
    @Test
    void multiHeadAttentionOpMatchesModule() {
        Rng rng = new Rng(1);
        MultiheadAttention mha = new MultiheadAttention(4, 2, rng);
        mha.inProjBias().value().copyFrom(Tensor.randn(rng, 12));
        Tensor q = Tensor.randn(rng, 2, 3, 4);
        Tensor kv = Tensor.randn(rng, 2, 3, 4);
        Tensor g = Tensor.randn(rng, 2, 3, 4);
        Tensor y = mha.forward(q, kv, kv, true);
        ScaledDotProductAttention.Grads d = mha.backward(g);
        OpResult r = run("multi_head_attention", Map.of("num_heads", 2, "is_causal", true),
                Map.of("query", q, "key", kv, "value", kv, "in_proj_weight", mha.inProjWeight().value(),
                        "in_proj_bias", mha.inProjBias().value(), "out_proj_weight", mha.outProjWeight().value(),
                        "out_proj_bias", mha.outProjBias().value()), g);
        assertArrayEquals(y.toArray(), r.output().toArray());
        assertArrayEquals(d.key().toArray(), r.grads().get("key").toArray());
        assertArrayEquals(mha.inProjWeight().grad().toArray(), r.grads().get("in_proj_weight").toArray());
        assertArrayEquals(mha.outProjBias().grad().toArray(), r.grads().get("out_proj_bias").toArray());
        assertEquals(7, r.grads().size());
        Exception e = assertThrows(IllegalArgumentException.class, () -> run("multi_head_attention",
                Map.of("num_heads", 3), Map.of("query", q), g));
        assertEquals("MultiheadAttention: embed_dim 4 must be divisible by num_heads 3", e.getMessage());
    }

    @Test
    void scaledDotProductAttentionHonoursIsCausal() {
        Rng rng = new Rng(2);
        Map<String, Tensor> in = Map.of("query", Tensor.randn(rng, 1, 3, 2), "key", Tensor.randn(rng, 1, 3, 2),
                "value", Tensor.randn(rng, 1, 3, 2));
        Tensor g = Tensor.ones(1, 3, 2);
        OpResult causal = run("scaled_dot_product_attention", Map.of("is_causal", true), in, g);
        OpResult full = run("scaled_dot_product_attention", Map.of(), in, g);
        // the first query sees only the first value under the mask
        assertArrayEquals(in.get("value").slice(1, 0, 1).toArray(), causal.output().slice(1, 0, 1).toArray(), 1e-15);
        assertEquals(List.of("query", "key", "value"), List.copyOf(full.grads().keySet()));
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> run("scaled_dot_product_attention", Map.of("is_causal", 1), in, g));
        assertEquals("scaled_dot_product_attention: attribute 'is_causal' expected true or false, got 1 (Integer)",
                e.getMessage());
    }
}
