package linear;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
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

    /**
     * Returns input·Wᵀ + b, shape (…, out) for an input (…, in) with any leading dimensions; an
     * input whose last dimension is not in_features is rejected. Keep what backward needs.
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: Linear.forward: x·W^T + b over any leading dimensions");
    }

    /**
     * Returns dL/dinput (the input's shape) and ADDS dL/dweight and dL/dbias to the parameters'
     * gradients (accumulateGrad), summed over every row of the batch.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: Linear.backward: input gradient; accumulate weight and"
                + " bias gradients");
    }
}
