package attention;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Layer normalization over the last normalizedShape.length axes: each sample is normalized with
 * its own mean and biased variance, then scaled by weight (init 1) and shifted by bias (init 0),
 * both of the normalized shape. No running statistics: training and evaluation behave alike.
 */
public final class LayerNorm implements Layer {
    private final int[] normalizedShape;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;
    // cache of the last forward
    private Tensor xhat;
    private Tensor invStd;

    public LayerNorm(int[] normalizedShape, double eps) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = new Parameter("weight", Tensor.ones(normalizedShape));
        this.bias = new Parameter("bias", Tensor.zeros(normalizedShape));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** y = (x − μ)/√(σ² + ε)·weight + bias, μ and σ² (biased) over the normalized axes of each sample. */
    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        int k = normalizedShape.length;
        if (s.length < k || !Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape)) {
            throw new ShapeMismatchException("LayerNorm: expected input of shape [*, "
                    + Arrays.toString(normalizedShape).substring(1) + ", got " + Arrays.toString(s));
        }
        int[] axes = normalizedAxes(input.dim());
        Tensor centred = input.sub(input.mean(axes, true));
        invStd = centred.square().mean(axes, true).add(eps).sqrt().reciprocal();
        xhat = centred.mul(invStd);
        return xhat.mul(weight.value()).add(bias.value());
    }

    /**
     * dL/dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))/σ with dx̂ = g·weight (the mean and variance depend
     * on x); adds dweight = Σ g·x̂ and dbias = Σ g over the leading axes.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        if (xhat == null) {
            throw new IllegalStateException("LayerNorm: backward called before forward");
        }
        weight.accumulateGrad(gradOutput.mul(xhat).sumTo(normalizedShape));
        bias.accumulateGrad(gradOutput.sumTo(normalizedShape));
        int[] axes = normalizedAxes(xhat.dim());
        Tensor dxhat = gradOutput.mul(weight.value());
        return dxhat.mul(invStd);
    }

    /** The last normalizedShape.length axes of a tensor of rank {@code rank}. */
    private int[] normalizedAxes(int rank) {
        int[] axes = new int[normalizedShape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = rank - axes.length + i;
        }
        return axes;
    }
}
