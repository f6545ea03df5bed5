package pooling;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * The mean of each kH×kW window of every (N, C) plane. With countIncludePad the padding counts as
 * zeros, so every window divides by kH·kW; without it, by the number of real input pixels it covers.
 */
public final class AvgPool2d implements Layer {
    private final Windows windows;
    private final boolean countIncludePad;
    private int[] inputShape;
    private Tensor divisor; // (N, C, OH, OW) or a scalar

    /** kernel, stride and padding are (h, w) pairs; padding is at most half the kernel. */
    public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        this.windows = new Windows(kernel, stride, padding);
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        inputShape = input.shape();
        divisor = countIncludePad ? Tensor.scalar(windows.size())
                : windows.gather(Tensor.ones(inputShape), 0.0).sum(4, false); // real pixels per window
        return windows.gather(input, 0.0).sum(4, false).div(divisor);
    }

    /** Every pixel of a window contributed 1/divisor of its output. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor share = gradOutput.div(divisor).unsqueeze(4).mul(Tensor.ones(windows.size()));
        return windows.scatter(share, inputShape);
    }
}
