package org.gradlab.engine.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.MultiheadAttention;
import org.gradlab.engine.nn.ScaledDotProductAttention;

/**
 * Registers scaled_dot_product_attention {is_causal} and multi_head_attention {num_heads,
 * is_causal} (batch first, query (N, L, E), key and value (N, S, E), PyTorch's packed in_proj).
 */
final class AttentionOps {
    /** Op input names of multi_head_attention's weights, in the order the engine lists its parameters. */
    private static final List<String> MHA_WEIGHTS = List.of("in_proj_weight", "in_proj_bias", "out_proj_weight",
            "out_proj_bias");

    private AttentionOps() {
    }

    static void register(OpRegistry r) {
        r.tensor("scaled_dot_product_attention", (attrs, in, g) -> {
            ScaledDotProductAttention attention = new ScaledDotProductAttention();
            Tensor output = attention.forward(in.get("query"), in.get("key"), in.get("value"),
                    attrs.bool("is_causal", false));
            return new OpResult(output, grads(attention.backward(g)));
        });
        r.tensor("multi_head_attention", (attrs, in, g) -> {
            Tensor query = in.get("query", 3);
            MultiheadAttention mha = new MultiheadAttention(query.dtype(), query.size(2), attrs.integer("num_heads"),
                    new Rng(0));
            OpSupport.loadAll("multi_head_attention", MHA_WEIGHTS, mha.parameters(), in);
            Tensor output = mha.forward(query, in.get("key"), in.get("value"), attrs.bool("is_causal", false));
            Map<String, Tensor> grads = grads(mha.backward(g));
            OpSupport.putGrads(grads, MHA_WEIGHTS, mha.parameters());
            return new OpResult(output, grads);
        });
    }

    private static Map<String, Tensor> grads(ScaledDotProductAttention.Grads d) {
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("query", d.query());
        grads.put("key", d.key());
        grads.put("value", d.value());
        return grads;
    }
}
