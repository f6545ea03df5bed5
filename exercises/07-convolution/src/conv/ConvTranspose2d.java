package conv;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Transposed 2-d convolution ("deconvolution"): the adjoint of Conv2d in its input. Each input
 * pixel is scattered through the kernel onto the output: output[n, o, y·sH − pH + i, x·sW − pW + j]
 * += input[n, c, y, x]·weight[c, o, i, j]. Weight (C_in, C_out, kH, kW) as in PyTorch, bias (C_out);
 * one group, dilation 1. Output (N, C_out, OH, OW) with
 * OH = (H − 1)·strideH − 2·padH + kH + outputPadH (OW alike): output padding adds rows at the bottom
 * (columns at the right) only.
 */
public final class ConvTranspose2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final Parameter weight;
    private final Parameter bias;

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

    /** Returns the output (N, C_out, OH, OW). Keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: implement ConvTranspose2d.forward (scatter each input pixel through the kernel, plus bias)");
    }

    /**
     * Returns dL/dinput (N, C_in, H, W) and ADDS dL/dweight and dL/dbias into the parameters'
     * gradients (Parameter.accumulateGrad).
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: implement ConvTranspose2d.backward (input gradient; accumulate weight and bias gradients)");
    }
}
