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
    // cache of the last forward
    private Tensor x1;
    private Tensor preActivation;
    private Tensor hidden;

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

    /** The output (N, L, E); {@code causal} is passed on to the self-attention. */
    public Tensor forward(Tensor x, boolean causal) {
        x1 = norm1.forward(x.add(selfAttn.forward(x, x, x, causal)));
        preActivation = x1.matmul(linear1Weight.value().t()).add(linear1Bias.value());
        hidden = preActivation.maximum(0.0);
        Tensor ff = hidden.matmul(linear2Weight.value().t()).add(linear2Bias.value());
        return norm2.forward(x1.add(ff));
    }

    /** dL/dx for dL/doutput (N, L, E); adds every parameter gradient. */
    public Tensor backward(Tensor gradOutput) {
        if (x1 == null) {
            throw new IllegalStateException("TransformerEncoderBlock: backward called before forward");
        }
        Tensor dSum2 = norm2.backward(gradOutput);
        linear2Weight.accumulateGrad(rows(dSum2, embedDim).t().matmul(rows(hidden, ffDim)));
        linear2Bias.accumulateGrad(rows(dSum2, embedDim).sum(0, false));
        Tensor dPre = dSum2.matmul(linear2Weight.value()).mul(preActivation.gt(0.0));
        linear1Weight.accumulateGrad(rows(dPre, ffDim).t().matmul(rows(x1, embedDim)));
        linear1Bias.accumulateGrad(rows(dPre, ffDim).sum(0, false));
        // x1 feeds both the residual and linear1
        Tensor dSum1 = norm1.backward(dSum2.add(dPre.matmul(linear1Weight.value())));
        // x is the residual and all three attention inputs
        Tensor[] d = selfAttn.backward(dSum1);
        return dSum1.add(d[0]).add(d[1]).add(d[2]);
    }

    /** (N, L, features) → (N·L, features), for weight gradients summed over every position. */
    private static Tensor rows(Tensor x, int features) {
        return x.reshape(-1, features);
    }
}
