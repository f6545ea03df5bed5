package conv;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 2-d convolution as PyTorch computes it (cross-correlation: the kernel is NOT flipped) of an
 * (N, C_in, H, W) input with a weight (C_out, C_in/groups, kH, kW) plus a bias (C_out).
 * Output (N, C_out, OH, OW) with OH = ⌊(H + 2·padH − dilationH·(kH − 1) − 1) / strideH⌋ + 1 (OW alike).
 * Groups split the channels into independent convolutions; groups = C_in is a depthwise convolution.
 */
public final class Conv2d implements Layer {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * kernel, stride, padding and dilation are (h, w) pairs; groups divides both channel counts.
     * Weight and bias ~ U(−b, b) with b = 1/√(C_in/groups·kH·kW), as PyTorch initialises them.
     */
    public Conv2d(int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding, int[] dilation,
            int groups, Rng rng) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.groups = groups;
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

    /**
     * Returns the output (N, C_out, OH, OW); zero padding, dilated windows, channel groups.
     * Keep what backward needs.
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: implement Conv2d.forward (cross-correlation with stride, padding, dilation, groups, plus bias)");
    }

    /**
     * Returns dL/dinput (N, C_in, H, W) and ADDS dL/dweight and dL/dbias into the parameters'
     * gradients (Parameter.accumulateGrad).
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: implement Conv2d.backward (input gradient; accumulate weight and bias gradients)");
    }
}
