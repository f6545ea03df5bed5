package conv;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 2-d convolution (cross-correlation, as in PyTorch) written as the definition reads:
 * y[n, o, oy, ox] = b[o] + Σ_{c, i, j} w[o, c, i, j] · x[n, g·C_in/G + c, oy·sH − pH + i·dH, ox·sW − pW + j·dW],
 * with g = o / (C_out/G) the group of filter o and out-of-range pixels reading 0 (padding).
 * Backward walks the same terms and sends each product's gradient to both of its factors.
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
    private Tensor input;
    private int[] outputShape;

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

    @Override
    public Tensor forward(Tensor x) {
        input = x;
        int oh = (x.size(2) + 2 * padding[0] - dilation[0] * (kernel[0] - 1) - 1) / stride[0] + 1;
        int ow = (x.size(3) + 2 * padding[1] - dilation[1] * (kernel[1] - 1) - 1) / stride[1] + 1;
        outputShape = new int[] {x.size(0), outChannels, oh, ow};
        Tensor w = weight.value();
        Tensor y = Tensor.zeros(outputShape);
        int cg = inChannels / groups;
        for (int n = 0; n < x.size(0); n++) {
            for (int o = 0; o < outChannels; o++) {
                int firstChannel = o / (outChannels / groups) * cg;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double sum = bias.value().get(o);
                        for (int c = 0; c < cg; c++) {
                            for (int i = 0; i < kernel[0]; i++) {
                                int row = inputRow(oy, i);
                                for (int j = 0; j < kernel[1]; j++) {
                                    int col = inputColumn(ox, j);
                                    if (inside(row, col)) {
                                        sum += w.get(o, c, i, j) * x.get(n, firstChannel + c, row, col);
                                    }
                                }
                            }
                        }
                        y.set(sum, n, o, oy, ox);
                    }
                }
            }
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor w = weight.value();
        Tensor dx = Tensor.zeros(input.shape());
        Tensor dw = Tensor.zeros(w.shape());
        Tensor db = Tensor.zeros(outChannels);
        int cg = inChannels / groups;
        for (int n = 0; n < outputShape[0]; n++) {
            for (int o = 0; o < outChannels; o++) {
                int firstChannel = o / (outChannels / groups) * cg;
                for (int oy = 0; oy < outputShape[2]; oy++) {
                    for (int ox = 0; ox < outputShape[3]; ox++) {
                        double g = gradOutput.get(n, o, oy, ox);
                        db.set(db.get(o) + g, o);
                        for (int c = 0; c < cg; c++) {
                            for (int i = 0; i < kernel[0]; i++) {
                                int row = inputRow(oy, i);
                                for (int j = 0; j < kernel[1]; j++) {
                                    int col = inputColumn(ox, j);
                                    if (inside(row, col)) {
                                        int ch = firstChannel + c;
                                        dx.set(dx.get(n, ch, row, col) + w.get(o, c, i, j) * g, n, ch, row, col);
                                        dw.set(dw.get(o, c, i, j) + input.get(n, ch, row, col) * g, o, c, i, j);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        weight.accumulateGrad(dw);
        bias.accumulateGrad(db);
        return dx;
    }

    /** The input row that kernel row i reads for output row oy (may fall in the padding). */
    private int inputRow(int oy, int i) {
        return oy * stride[0] - padding[0] + i * dilation[0];
    }

    private int inputColumn(int ox, int j) {
        return ox * stride[1] - padding[1] + j * dilation[1];
    }

    private boolean inside(int row, int col) {
        return row >= 0 && row < input.size(2) && col >= 0 && col < input.size(3);
    }
}
