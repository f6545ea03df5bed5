package attention;

import org.gradlab.core.Tensor;

/**
 * softmax(q·kᵀ/√E)·v for query (…, L, E), key (…, S, E) and value (…, S, Ev) with the same
 * leading batch dimensions, as PyTorch's scaled_dot_product_attention. With {@code causal},
 * query position i attends only to key positions j ≤ i.
 */
public final class ScaledDotProductAttention {
    private final boolean causal;

    public ScaledDotProductAttention(boolean causal) {
        this.causal = causal;
    }

    /**
     * The attention output (…, L, Ev): scores q·kᵀ/√E (…, L, S), −∞ where j > i when causal,
     * a softmax over the last axis that stays finite for scores of ±1000, times v. Cache what
     * backward needs.
     */
    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        throw new UnsupportedOperationException("TODO: ScaledDotProductAttention.forward — softmax(q·kᵀ/√E [+ causal mask])·v");
    }

    /**
     * {dL/dquery, dL/dkey, dL/dvalue} for dL/doutput (…, L, Ev), through the product with v,
     * the softmax (every probability of a row depends on every score of it) and q·kᵀ/√E.
     */
    public Tensor[] backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: ScaledDotProductAttention.backward — {dq, dk, dv} through v, softmax and q·kᵀ/√E");
    }
}
