package linear;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/** y = x·Wᵀ + b, written with explicit loops over the rows (all leading dimensions) of the input. */
public final class Linear implements Layer {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor input;

    public Linear(int inFeatures, int outFeatures, Rng rng) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        double bound = 1 / Math.sqrt(inFeatures);
        weight = new Parameter("weight", Tensor.uniform(rng, -bound, bound, outFeatures, inFeatures));
        bias = new Parameter("bias", Tensor.uniform(rng, -bound, bound, outFeatures));
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
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        if (shape.length == 0 || shape[shape.length - 1] != inFeatures) {
            throw ShapeMismatchException.of("Linear", "input's last dimension must equal in_features = " + inFeatures
                    + " (input and weight)", shape, weight.value().shape());
        }
        this.input = input;
        int rows = input.numel() / inFeatures;
        int[] outShape = shape.clone();
        outShape[shape.length - 1] = outFeatures;
        Tensor y = Tensor.zeros(outShape);
        Tensor w = weight.value();
        for (int r = 0; r < rows; r++) { // row r is elements r·in … r·in + in − 1 of the input
            for (int o = 0; o < outFeatures; o++) {
                double sum = bias.value().get(o);
                for (int i = 0; i < inFeatures; i++) {
                    sum += input.getFlat(r * inFeatures + i) * w.get(o, i);
                }
                y.setFlat(r * outFeatures + o, sum);
            }
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (input == null) {
            throw new IllegalStateException("Linear: backward called before forward");
        }
        int rows = input.numel() / inFeatures;
        Tensor w = weight.value();
        Tensor gx = Tensor.zeros(input.shape());
        Tensor gw = Tensor.zeros(outFeatures, inFeatures);
        Tensor gb = Tensor.zeros(outFeatures);
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < outFeatures; o++) {
                double g = gradOutput.getFlat(r * outFeatures + o);
                gb.setFlat(o, gb.getFlat(o) + g);
                for (int i = 0; i < inFeatures; i++) {
                    int at = r * inFeatures + i;
                    gx.setFlat(at, gx.getFlat(at) + g * w.get(o, i));
                    gw.set(gw.get(o, i) + g * input.getFlat(at), o, i);
                }
            }
        }
        weight.accumulateGrad(gw);
        bias.accumulateGrad(gb);
        return gx;
    }
}
