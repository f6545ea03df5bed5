package attention;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
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

    /**
     * y = (x − μ)/√(σ² + ε)·weight + bias, with μ and the biased variance σ² over the normalized
     * (last) axes of each sample; compute σ² as the mean of (x − μ)².
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: LayerNorm.forward — normalize each sample over the last axes, scale, shift");
    }

    /**
     * dL/dx (the mean and variance depend on x too); adds dweight = Σ g·x̂ and dbias = Σ g,
     * summed over the leading (non-normalized) axes.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: LayerNorm.backward — dx through x̂, μ and σ²; accumulate dweight, dbias");
    }
}
