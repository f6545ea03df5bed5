package activations;

import org.gradlab.core.AxisView;
import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** e^x / Σ e^x along {@code dim}, with explicit loops over (outer, len, inner) blocks. */
public final class Softmax implements Layer {
    private final int dim;
    private Tensor output;
    private AxisView view;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        view = AxisView.of("Softmax", input.shape(), dim);
        Tensor y = Tensor.zeros(input.shape());
        for (int o = 0; o < view.outer(); o++) {
            for (int i = 0; i < view.inner(); i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < view.len(); k++) {
                    max = Math.max(max, input.getFlat(at(o, k, i)));
                }
                double sum = 0;
                for (int k = 0; k < view.len(); k++) {
                    double e = Math.exp(input.getFlat(at(o, k, i)) - max); // the shift keeps exp finite
                    y.setFlat(at(o, k, i), e);
                    sum += e;
                }
                for (int k = 0; k < view.len(); k++) {
                    y.setFlat(at(o, k, i), y.getFlat(at(o, k, i)) / sum);
                }
            }
        }
        output = y;
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (output == null) {
            throw new IllegalStateException("Softmax: backward called before forward");
        }
        Tensor gx = Tensor.zeros(output.shape());
        for (int o = 0; o < view.outer(); o++) {
            for (int i = 0; i < view.inner(); i++) {
                double dot = 0; // Σ_k g_k y_k
                for (int k = 0; k < view.len(); k++) {
                    dot += gradOutput.getFlat(at(o, k, i)) * output.getFlat(at(o, k, i));
                }
                for (int k = 0; k < view.len(); k++) {
                    int p = at(o, k, i);
                    gx.setFlat(p, output.getFlat(p) * (gradOutput.getFlat(p) - dot));
                }
            }
        }
        return gx;
    }

    private int at(int o, int k, int i) {
        return (o * view.len() + k) * view.inner() + i;
    }
}
