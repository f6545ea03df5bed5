package attention;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Multi-head attention as torch.nn.MultiheadAttention(embed_dim, num_heads, batch_first=True):
 * query (N, L, E), key and value (N, S, E) are projected by the three (E, E) blocks of
 * in_proj_weight (query, key, value in that order) plus in_proj_bias, split into numHeads heads of
 * E/numHeads features, attended per head, merged back and projected by out_proj.
 */
public final class MultiheadAttention {
    private final int embedDim;
    private final int numHeads;
    private final Parameter inProjWeight;
    private final Parameter inProjBias;
    private final Parameter outProjWeight;
    private final Parameter outProjBias;

    /** PyTorch's init: in_proj_weight Xavier-uniform, out_proj.weight U(−1/√E, 1/√E), biases 0. */
    public MultiheadAttention(int embedDim, int numHeads, Rng rng) {
        if (numHeads < 1 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embed_dim " + embedDim
                    + " must be divisible by num_heads " + numHeads);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        double xavier = Math.sqrt(6.0 / (embedDim + 3 * embedDim));
        inProjWeight = new Parameter("in_proj_weight", Tensor.uniform(rng, -xavier, xavier, 3 * embedDim, embedDim));
        inProjBias = new Parameter("in_proj_bias", Tensor.zeros(3 * embedDim));
        double bound = 1.0 / Math.sqrt(embedDim);
        outProjWeight = new Parameter("out_proj.weight", Tensor.uniform(rng, -bound, bound, embedDim, embedDim));
        outProjBias = new Parameter("out_proj.bias", Tensor.zeros(embedDim));
    }

    /** [in_proj_weight (3E, E), in_proj_bias (3E), out_proj.weight (E, E), out_proj.bias (E)]. */
    public List<Parameter> parameters() {
        return List.of(inProjWeight, inProjBias, outProjWeight, outProjBias);
    }

    /**
     * The output (N, L, E): project q, k, v with their in_proj blocks, split E into numHeads heads
     * (head h gets features h·E/numHeads … (h+1)·E/numHeads − 1 of each position), attend per
     * head (causal: position i sees j ≤ i), merge the heads back in order, apply out_proj.
     */
    public Tensor forward(Tensor query, Tensor key, Tensor value, boolean causal) {
        throw new UnsupportedOperationException("TODO: MultiheadAttention.forward — project, split heads, attend, merge, project");
    }

    /**
     * {dL/dquery, dL/dkey, dL/dvalue} for dL/doutput (N, L, E); adds (+=) the gradients of all
     * four parameters. When the same tensor is passed as query, key and value, still return the
     * three gradients separately.
     */
    public Tensor[] backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: MultiheadAttention.backward — {dq, dk, dv}; accumulate all parameter gradients");
    }
}
