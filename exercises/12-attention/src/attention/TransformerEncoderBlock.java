package attention;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A Transformer encoder block as torch.nn.TransformerEncoderLayer(embedDim, numHeads, ffDim,
 * dropout=0, activation="relu", batch_first=True, norm_first=False), built from this package's
 * MultiheadAttention and LayerNorm (ε 1e-5): x1 = norm1(x + selfAttn(x, x, x)),
 * out = norm2(x1 + linear2(relu(linear1(x1)))). Input and output (N, L, E).
 */
public final class TransformerEncoderBlock {
    private final int embedDim;
    private final int ffDim;
    private final MultiheadAttention selfAttn;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Parameter linear1Weight;
    private final Parameter linear1Bias;
    private final Parameter linear2Weight;
    private final Parameter linear2Bias;

    /** PyTorch's init: the attention's own, LayerNorm weight 1 / bias 0, linears U(−1/√in, 1/√in). */
    public TransformerEncoderBlock(int embedDim, int numHeads, int ffDim, Rng rng) {
        this.embedDim = embedDim;
        this.ffDim = ffDim;
        selfAttn = new MultiheadAttention(embedDim, numHeads, rng);
        norm1 = new LayerNorm(new int[] {embedDim}, 1e-5);
        norm2 = new LayerNorm(new int[] {embedDim}, 1e-5);
        double b1 = 1.0 / Math.sqrt(embedDim);
        linear1Weight = new Parameter("linear1.weight", Tensor.uniform(rng, -b1, b1, ffDim, embedDim));
        linear1Bias = new Parameter("linear1.bias", Tensor.uniform(rng, -b1, b1, ffDim));
        double b2 = 1.0 / Math.sqrt(ffDim);
        linear2Weight = new Parameter("linear2.weight", Tensor.uniform(rng, -b2, b2, embedDim, ffDim));
        linear2Bias = new Parameter("linear2.bias", Tensor.uniform(rng, -b2, b2, embedDim));
    }

    /**
     * [self_attn's four (in_proj_weight, in_proj_bias, out_proj.weight, out_proj.bias),
     * norm1.weight, norm1.bias, linear1.weight (F, E), linear1.bias (F), linear2.weight (E, F),
     * linear2.bias (E), norm2.weight, norm2.bias].
     */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(selfAttn.parameters());
        ps.addAll(norm1.parameters());
        ps.addAll(List.of(linear1Weight, linear1Bias, linear2Weight, linear2Bias));
        ps.addAll(norm2.parameters());
        return ps;
    }

    /**
     * The output (N, L, E): x1 = norm1(x + selfAttn(x, x, x, causal)), then
     * norm2(x1 + linear2(relu(linear1(x1)))) with linear(z) = z·Wᵀ + b over the last axis.
     */
    public Tensor forward(Tensor x, boolean causal) {
        throw new UnsupportedOperationException("TODO: TransformerEncoderBlock.forward — attention + residual + norm1, feed-forward + residual + norm2");
    }

    /**
     * dL/dx for dL/doutput (N, L, E); adds (+=) every parameter gradient. x reaches the output
     * through the residual and all three attention inputs: add the four gradients.
     */
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: TransformerEncoderBlock.backward — dx (residual + dq + dk + dv); accumulate all parameter gradients");
    }
}
