package pooling;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * The mean of each kH×kW window of every (N, C) plane: output (N, C, OH, OW) with
 * OH = ⌊(H + 2·padH − kH) / strideH⌋ + 1 (OW alike). With countIncludePad the zero padding counts
 * as values (divide by kH·kW); without it, divide by the number of real input pixels in the window.
 */
public final class AvgPool2d implements Layer {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final boolean countIncludePad;

    /** kernel, stride and padding are (h, w) pairs; padding is at most half the kernel. */
    public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.countIncludePad = countIncludePad;
    }

    /** Returns the window means (N, C, OH, OW). Keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: implement AvgPool2d.forward (mean of each window with the right divisor)");
    }

    /** Returns dL/dinput (N, C, H, W); overlapping windows add their shares. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: implement AvgPool2d.backward (spread each gradient over its window)");
    }
}
