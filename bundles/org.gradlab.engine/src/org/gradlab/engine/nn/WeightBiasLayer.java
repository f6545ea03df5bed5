package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A layer whose parameters are a "weight" and an optional "bias", as Linear, the convolutions and
 * the normalization layers are in PyTorch; it holds them, their accessors and PyTorch's two ways
 * to initialise them.
 */
abstract class WeightBiasLayer implements Layer {
    private final Parameter weight;
    private final Parameter bias;

    /**
     * PyTorch's reset_parameters of Linear and the convolutions: the weight kaiming_uniform(a=√5),
     * i.e. U(±1/√fan_in) with fan_in from the weight's dims 1.., then a bias of {@code biasSize}
     * (none when 0) from the same bound, in that order from {@code rng}.
     */
    WeightBiasLayer(DType dtype, int[] weightShape, int biasSize, Rng rng) {
        this(kaimingWeight(dtype, weightShape, rng), biasSize, rng);
    }

    /** Normalization layers: weight (γ) 1 and bias (β) 0 of the given shape. */
    WeightBiasLayer(DType dtype, int[] shape) {
        this.weight = new Parameter("weight", Tensor.ones(dtype, shape));
        this.bias = new Parameter("bias", Tensor.zeros(dtype, shape));
    }

    private WeightBiasLayer(Parameter weight, int biasSize, Rng rng) {
        this.weight = weight;
        this.bias = biasSize == 0 ? null : boundedBias(weight.value(), biasSize, rng);
    }

    private static Parameter kaimingWeight(DType dtype, int[] shape, Rng rng) {
        Tensor w = Tensor.zeros(dtype, shape);
        Init.kaimingUniform(w, Math.sqrt(5.0), Init.FanMode.FAN_IN, "leaky_relu", rng);
        return new Parameter("weight", w);
    }

    private static Parameter boundedBias(Tensor weight, int size, Rng rng) {
        double bound = 1.0 / Math.sqrt(Init.fanIn(weight.shape()));
        return new Parameter("bias", Init.uniform(Tensor.zeros(weight.dtype(), size), -bound, bound, rng));
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when the layer was built without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
