package pooling;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * The maximum of each kH×kW window of every (N, C) plane: output (N, C, OH, OW) with
 * OH = ⌊(H + 2·padH − kH) / strideH⌋ + 1 (OW alike). Padding is implicit −∞ (it never wins), and
 * windows overlap when stride &lt; kernel.
 */
public final class MaxPool2d implements Layer {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;

    /** kernel, stride and padding are (h, w) pairs; padding is at most half the kernel. */
    public MaxPool2d(int[] kernel, int[] stride, int[] padding) {
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
    }

    /** Returns the window maxima (N, C, OH, OW). Keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: implement MaxPool2d.forward (maximum of each window; padding never wins)");
    }

    /**
     * Returns dL/dinput (N, C, H, W): each output's gradient goes to the position of its window's
     * maximum; a position that is the maximum of several windows receives the sum.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: implement MaxPool2d.backward (route each gradient to its window's maximum)");
    }
}
