package activations;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * LeakyReLU with learned slopes: x for x > 0, else a·x. The parameter "weight" holds one slope
 * shared by all elements (numParameters = 1) or one per channel, the channel axis being 1.
 */
public final class PReLU implements Layer {
    private final Parameter weight;
    private Tensor input;
    private int[] slopeShape; // the weight's shape for broadcasting against the input

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

    @Override
    public Tensor forward(Tensor input) {
        slopeShape = slopeShape(input.shape());
        this.input = input;
        Tensor a = weight.value().reshape(slopeShape);
        return Tensor.where(input.gt(0), input, input.mul(a));
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (input == null) {
            throw new IllegalStateException("PReLU: backward called before forward");
        }
        Tensor positive = input.gt(0);
        Tensor a = weight.value().reshape(slopeShape);
        // ∂y/∂a = x where x ≤ 0, summed over every position that shares the slope
        Tensor perElement = input.mul(gradOutput).mul(positive.rsub(1));
        weight.accumulateGrad(perElement.sumTo(slopeShape).reshape(weight.value().shape()));
        return Tensor.where(positive, gradOutput, gradOutput.mul(a));
    }

    /** (1, …, 1) for a shared slope; (1, C, 1, …) for per-channel slopes. */
    private int[] slopeShape(int[] shape) {
        int n = weight.value().numel();
        int[] s = new int[shape.length];
        Arrays.fill(s, 1);
        if (n > 1) {
            if (shape.length < 2 || shape[1] != n) {
                throw ShapeMismatchException.of("PReLU", "input's channel dimension (axis 1) must equal"
                        + " num_parameters = " + n + " (input and weight)", shape, weight.value().shape());
            }
            s[1] = n;
        }
        return s;
    }
}
