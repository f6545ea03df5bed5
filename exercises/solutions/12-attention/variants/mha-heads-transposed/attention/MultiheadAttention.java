package attention;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
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
    // cache of the last forward
    private Tensor[] inputs;
    private ScaledDotProductAttention attention;
    private Tensor merged;

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

    /** The output (N, L, E); with {@code causal}, query position i attends to key positions j ≤ i. */
    public Tensor forward(Tensor query, Tensor key, Tensor value, boolean causal) {
        checkShapes(query, key, value);
        inputs = new Tensor[] {query, key, value};
        Tensor[] heads = new Tensor[3];
        for (int b = 0; b < 3; b++) {
            Tensor projected = inputs[b].matmul(block(inProjWeight, b).t()).add(block(inProjBias, b));
            heads[b] = split(projected);
        }
        attention = new ScaledDotProductAttention(causal);
        merged = merge(attention.forward(heads[0], heads[1], heads[2]));
        return merged.matmul(outProjWeight.value().t()).add(outProjBias.value());
    }

    /** {dL/dquery, dL/dkey, dL/dvalue} for dL/doutput (N, L, E); adds every parameter gradient. */
    public Tensor[] backward(Tensor gradOutput) {
        if (merged == null) {
            throw new IllegalStateException("MultiheadAttention: backward called before forward");
        }
        outProjWeight.accumulateGrad(rows(gradOutput).t().matmul(rows(merged)));
        outProjBias.accumulateGrad(rows(gradOutput).sum(0, false));
        Tensor[] dHeads = attention.backward(split(gradOutput.matmul(outProjWeight.value())));
        Tensor[] dInputs = new Tensor[3];
        Tensor[] dWeight = new Tensor[3];
        Tensor[] dBias = new Tensor[3];
        for (int b = 0; b < 3; b++) {
            Tensor dProjected = merge(dHeads[b]);
            dWeight[b] = rows(dProjected).t().matmul(rows(inputs[b]));
            dBias[b] = rows(dProjected).sum(0, false);
            dInputs[b] = dProjected.matmul(block(inProjWeight, b));
        }
        inProjWeight.accumulateGrad(Tensor.cat(Arrays.asList(dWeight), 0));
        inProjBias.accumulateGrad(Tensor.cat(Arrays.asList(dBias), 0));
        return dInputs;
    }

    /** Block b (0 query, 1 key, 2 value) of a stacked in-projection parameter. */
    private Tensor block(Parameter p, int b) {
        return p.value().slice(0, b * embedDim, (b + 1) * embedDim);
    }

    /** (N, len, E) → (N, heads, len, E/heads): head h gets features h·d … (h+1)·d − 1 of each position. */
    private Tensor split(Tensor x) {
        return x.reshape(x.size(0), numHeads, x.size(1), embedDim / numHeads);
    }

    /** (N, heads, len, d) → (N, len, E): the inverse of {@link #split}. */
    private Tensor merge(Tensor heads) {
        return heads.reshape(heads.size(0), heads.size(2), embedDim);
    }

    /** (N, len, E) → (N·len, E), for the weight gradients summed over every position. */
    private Tensor rows(Tensor x) {
        return x.reshape(-1, embedDim);
    }

    private void checkShapes(Tensor q, Tensor k, Tensor v) {
        boolean ok = q.dim() == 3 && k.dim() == 3 && v.dim() == 3 && q.size(2) == embedDim && k.size(2) == embedDim
                && v.size(2) == embedDim && k.size(0) == q.size(0) && v.size(0) == q.size(0)
                && k.size(1) == v.size(1);
        if (!ok) {
            throw ShapeMismatchException.of("MultiheadAttention", "expected query (N, L, " + embedDim
                    + "), key and value (N, S, " + embedDim + ")", q.shape(), k.shape(), v.shape());
        }
    }
}
