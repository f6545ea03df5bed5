package conv;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Transposed convolution written as a scatter: every input pixel adds itself, times the kernel,
 * onto the output window it spreads to —
 * y[n, o, h·sH − pH + i, w·sW − pW + j] += x[n, c, h, w] · weight[c, o, i, j] (targets off the output dropped).
 * Backward walks the same terms and sends each product's gradient to both of its factors.
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
    private Tensor input;
    private int[] outputShape;

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

    @Override
    public Tensor forward(Tensor x) {
        input = x;
        int oh = (x.size(2) - 1) * stride[0] - 2 * padding[0] + kernel[0] + outputPadding[0];
        int ow = (x.size(3) - 1) * stride[1] - 2 * padding[1] + kernel[1] + outputPadding[1];
        outputShape = new int[] {x.size(0), outChannels, oh, ow};
        Tensor w = weight.value();
        Tensor y = Tensor.zeros(outputShape);
        for (int n = 0; n < x.size(0); n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        y.set(bias.value().get(o), n, o, r, q);
                    }
                }
            }
            for (int c = 0; c < inChannels; c++) {
                for (int h = 0; h < x.size(2); h++) {
                    for (int v = 0; v < x.size(3); v++) {
                        double pixel = x.get(n, c, h, v);
                        for (int o = 0; o < outChannels; o++) {
                            for (int i = 0; i < kernel[0]; i++) {
                                for (int j = 0; j < kernel[1]; j++) {
                                    int r = h * stride[0] - padding[0] + i;
                                    int q = v * stride[1] - padding[1] + j;
                                    if (r >= 0 && r < oh && q >= 0 && q < ow) {
                                        y.set(y.get(n, o, r, q) + pixel * w.get(c, o, i, j), n, o, r, q);
                                    }
                                }
                            }
                        }
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
        for (int n = 0; n < outputShape[0]; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int r = 0; r < outputShape[2]; r++) {
                    for (int q = 0; q < outputShape[3]; q++) {
                        db.set(db.get(o) + gradOutput.get(n, o, r, q), o);
                    }
                }
            }
            for (int c = 0; c < inChannels; c++) {
                for (int h = 0; h < input.size(2); h++) {
                    for (int v = 0; v < input.size(3); v++) {
                        for (int o = 0; o < outChannels; o++) {
                            for (int i = 0; i < kernel[0]; i++) {
                                for (int j = 0; j < kernel[1]; j++) {
                                    int r = h * stride[0] - padding[0] + i;
                                    int q = v * stride[1] - padding[1] + j;
                                    if (r >= 0 && r < outputShape[2] && q >= 0 && q < outputShape[3]) {
                                        double g = gradOutput.get(n, o, r, q);
                                        dx.set(dx.get(n, c, h, v) + w.get(c, o, i, j) * g, n, c, h, v);
                                        dw.set(dw.get(c, o, i, j) + input.get(n, c, h, v) * g, c, o, i, j);
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
}
