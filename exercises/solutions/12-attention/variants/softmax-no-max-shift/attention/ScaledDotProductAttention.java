package attention;

import java.util.Arrays;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * softmax(q·kᵀ/√E)·v for query (…, L, E), key (…, S, E) and value (…, S, Ev) with the same
 * leading batch dimensions, as PyTorch's scaled_dot_product_attention. With {@code causal},
 * query position i attends only to key positions j ≤ i.
 */
public final class ScaledDotProductAttention {
    private final boolean causal;
    // cache of the last forward
    private Tensor query;
    private Tensor key;
    private Tensor value;
    private Tensor probs;
    private double scale;

    public ScaledDotProductAttention(boolean causal) {
        this.causal = causal;
    }

    /** The attention output (…, L, Ev). */
    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        checkShapes(query, key, value);
        int l = query.size(-2);
        int s = key.size(-2);
        scale = 1.0 / Math.sqrt(query.size(-1));
        Tensor scores = query.matmul(key.transpose(-2, -1)).mul(scale);
        if (causal) {
            scores = scores.add(causalMask(l, s));
        }
        Tensor e = scores.exp();
        probs = e.div(e.sum(-1, true));
        this.query = query;
        this.key = key;
        this.value = value;
        return probs.matmul(value);
    }

    /** {dL/dquery, dL/dkey, dL/dvalue} for dL/doutput (…, L, Ev). */
    public Tensor[] backward(Tensor gradOutput) {
        if (probs == null) {
            throw new IllegalStateException("ScaledDotProductAttention: backward called before forward");
        }
        Tensor dValue = probs.transpose(-2, -1).matmul(gradOutput);
        Tensor dProbs = gradOutput.matmul(value.transpose(-2, -1));
        // softmax backward: ds = p ⊙ (dp − Σ_j dp·p), then the 1/√E of the scores
        Tensor dScores = probs.mul(dProbs.sub(dProbs.mul(probs).sum(-1, true))).mul(scale);
        Tensor dQuery = dScores.matmul(key);
        Tensor dKey = dScores.transpose(-2, -1).matmul(query);
        return new Tensor[] {dQuery, dKey, dValue};
    }

    /** (L, S): 0 where key j may be seen from query i (j ≤ i), −∞ above the diagonal. */
    private static Tensor causalMask(int l, int s) {
        Tensor mask = Tensor.zeros(l, s);
        for (int i = 0; i < l; i++) {
            for (int j = i + 1; j < s; j++) {
                mask.set(Double.NEGATIVE_INFINITY, i, j);
            }
        }
        return mask;
    }

    private static void checkShapes(Tensor q, Tensor k, Tensor v) {
        int rank = q.dim();
        boolean ok = rank >= 2 && k.dim() == rank && v.dim() == rank && q.size(-1) == k.size(-1)
                && k.size(-2) == v.size(-2)
                && Arrays.equals(Arrays.copyOf(q.shape(), rank - 2), Arrays.copyOf(k.shape(), rank - 2))
                && Arrays.equals(Arrays.copyOf(q.shape(), rank - 2), Arrays.copyOf(v.shape(), rank - 2));
        if (!ok) {
            throw ShapeMismatchException.of("ScaledDotProductAttention",
                    "expected query (…, L, E), key (…, S, E), value (…, S, Ev)", q.shape(), k.shape(), v.shape());
        }
    }
}
