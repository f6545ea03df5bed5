package linear;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * y = x·Wᵀ + b with weight (out, in) and bias (out). The input may have any leading batch
 * dimensions, (…, in) → (…, out): they are folded into one row axis, so one matrix product does
 * the work.
 */
public final class Linear implements Layer {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private Tensor rows; // the input as (M, in), kept for the weight gradient
    private int[] inputShape;

    /** PyTorch's initialisation: weight, then bias, uniform in ±1/√inFeatures, drawn from {@code rng}. */
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
        inputShape = shape;
        rows = input.reshape(-1, inFeatures);
        int[] outShape = shape.clone();
        outShape[shape.length - 1] = outFeatures;
        return rows.matmul(weight.value().t()).add(bias.value()).reshape(outShape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (rows == null) {
            throw new IllegalStateException("Linear: backward called before forward");
        }
        Tensor g = gradOutput.reshape(-1, outFeatures); // (M, out)
        weight.accumulateGrad(g.t().matmul(rows)); // dW = gᵀ·x: (out, in)
        bias.accumulateGrad(g.sum(0, false)); // the bias is broadcast over every row: sum them
        return g.matmul(weight.value()).reshape(inputShape); // dx = g·W
    }
}
