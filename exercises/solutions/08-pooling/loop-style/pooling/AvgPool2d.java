package pooling;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Average pooling with explicit loops over every window's real (non-padding) pixels. */
public final class AvgPool2d implements Layer {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final boolean countIncludePad;
    private int[] inputShape;

    public AvgPool2d(int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor x) {
        inputShape = x.shape();
        int oh = (x.size(2) + 2 * padding[0] - kernel[0]) / stride[0] + 1;
        int ow = (x.size(3) + 2 * padding[1] - kernel[1]) / stride[1] + 1;
        Tensor y = Tensor.zeros(x.size(0), x.size(1), oh, ow);
        for (int n = 0; n < x.size(0); n++) {
            for (int c = 0; c < x.size(1); c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double sum = 0;
                        for (int i = 0; i < kernel[0]; i++) {
                            for (int j = 0; j < kernel[1]; j++) {
                                int row = oy * stride[0] - padding[0] + i;
                                int col = ox * stride[1] - padding[1] + j;
                                if (inside(row, col)) {
                                    sum += x.get(n, c, row, col);
                                }
                            }
                        }
                        y.set(sum / divisor(oy, ox), n, c, oy, ox);
                    }
                }
            }
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor dx = Tensor.zeros(inputShape);
        for (int n = 0; n < gradOutput.size(0); n++) {
            for (int c = 0; c < gradOutput.size(1); c++) {
                for (int oy = 0; oy < gradOutput.size(2); oy++) {
                    for (int ox = 0; ox < gradOutput.size(3); ox++) {
                        double share = gradOutput.get(n, c, oy, ox) / divisor(oy, ox);
                        for (int i = 0; i < kernel[0]; i++) {
                            for (int j = 0; j < kernel[1]; j++) {
                                int row = oy * stride[0] - padding[0] + i;
                                int col = ox * stride[1] - padding[1] + j;
                                if (inside(row, col)) {
                                    dx.set(dx.get(n, c, row, col) + share, n, c, row, col);
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    /** kH·kW with padding counted (no window hangs past the padded input); else the real pixels covered. */
    private int divisor(int oy, int ox) {
        if (countIncludePad) {
            return kernel[0] * kernel[1];
        }
        int count = 0;
        for (int i = 0; i < kernel[0]; i++) {
            for (int j = 0; j < kernel[1]; j++) {
                if (inside(oy * stride[0] - padding[0] + i, ox * stride[1] - padding[1] + j)) {
                    count++;
                }
            }
        }
        return count;
    }

    private boolean inside(int row, int col) {
        return row >= 0 && row < inputShape[2] && col >= 0 && col < inputShape[3];
    }
}
