package pooling;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * The maximum of each kH×kW window of every (N, C) plane. Padding is −∞, so it never wins;
 * windows overlap when stride &lt; kernel. The gradient of each output goes to its window's maximum
 * only (the first one on ties), and a pixel that is the maximum of several windows collects them all.
 */
public final class MaxPool2d implements Layer {
    private final Windows windows;
    private int[] inputShape;
    private Tensor winner; // (N, C, OH, OW, kH·kW): 1 at each window's maximum, else 0

    /** kernel, stride and padding are (h, w) pairs; padding is at most half the kernel. */
    public MaxPool2d(int[] kernel, int[] stride, int[] padding) {
        this.windows = new Windows(kernel, stride, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        inputShape = input.shape();
        Tensor w = windows.gather(input, 0.0) /* mistake: zero padding */;
        winner = Tensor.arange(windows.size()).eq(w.argmax(4, true));
        return w.max(4, false);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return windows.scatter(winner.mul(gradOutput.unsqueeze(4)), inputShape);
    }
}
