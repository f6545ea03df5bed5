package activations;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * LeakyReLU with learned slopes: x for x > 0, else a·x. The parameter "weight" holds one slope
 * shared by all elements (numParameters = 1) or one per channel, the channel axis being 1.
 */
public final class PReLU implements Layer {
    private final Parameter weight;

    public PReLU(int numParameters) {
        weight = new Parameter("weight", Tensor.full(DType.FLOAT64, 0.25, numParameters));
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    /**
     * Returns x where x > 0 and a·x elsewhere, a being the slope of the element's channel (axis 1)
     * or the one shared slope; keep what backward needs.
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: PReLU.forward: x, or slope·x where x <= 0");
    }

    /**
     * Returns dL/dinput and ADDS dL/dweight to weight's gradient (weight.accumulateGrad): each
     * slope collects the contributions of every element that uses it.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: PReLU.backward: input gradient and accumulate the weight"
                + " gradient");
    }
}
