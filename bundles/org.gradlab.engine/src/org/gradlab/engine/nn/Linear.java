package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.backend.Backend;
import org.gradlab.engine.backend.Backends;

/**
 * y = x·Wᵀ + b with weight (out, in) and bias (out). The input may have any leading batch
 * dimensions (…, in) → (…, out): they are folded into one row axis so a single matrix product does
 * the work, through {@link Backends} so a device backend can take it over.
 */
public final class Linear extends WeightBiasLayer {
    private final int inFeatures;
    private final int outFeatures;
    private Tensor rows; // the input as (M, in), cached for the weight gradient
    private int[] inputShape;
    private int[] outputShape;

    /**
     * PyTorch's default initialisation: weight and bias ~ U(−1/√in, 1/√in) (weight first, then bias,
     * from {@code rng}).
     */
    public Linear(DType dtype, int inFeatures, int outFeatures, boolean bias, Rng rng) {
        super(dtype, weightShape(inFeatures, outFeatures), bias ? outFeatures : 0, rng);
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
    }

    /** FLOAT64 with a bias. */
    public Linear(int inFeatures, int outFeatures, Rng rng) {
        this(DType.FLOAT64, inFeatures, outFeatures, true, rng);
    }

    /** FLOAT64, bias optional. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Rng rng) {
        this(DType.FLOAT64, inFeatures, outFeatures, bias, rng);
    }

    /** (out, in), once both are checked: the weight cannot be made before. */
    private static int[] weightShape(int inFeatures, int outFeatures) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("Linear: in_features and out_features must be positive, got "
                    + inFeatures + " and " + outFeatures);
        }
        return new int[] {outFeatures, inFeatures};
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        if (shape.length == 0 || shape[shape.length - 1] != inFeatures) {
            throw ShapeMismatchException.of("Linear", "input's last dimension must equal in_features = " + inFeatures
                    + " (input and weight)", shape, weight().value().shape());
        }
        Tensor x = shape.length == 2 ? input : input.reshape(-1, inFeatures);
        Tensor w = weight().value();
        Backend backend = Backends.forType(DType.promote(input.dtype(), w.dtype()));
        Tensor y = backend.matmul(x, false, w, true);
        if (bias() != null) {
            y = y.add(bias().value()); // broadcasts (out) over the rows
        }
        int[] outShape = shape.clone();
        outShape[shape.length - 1] = outFeatures;
        rows = x;
        inputShape = shape;
        outputShape = outShape;
        return shape.length == 2 ? y : y.reshape(outShape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("Linear", rows);
        LayerChecks.gradShape("Linear", gradOutput, outputShape);
        Tensor g = gradOutput.dim() == 2 ? gradOutput : gradOutput.reshape(-1, outFeatures);
        Tensor w = weight().value();
        // dW = gᵀ·x and dx = g·W; db sums g over the rows.
        weight().accumulateGrad(Backends.forType(w.dtype()).matmul(g, true, rows, false));
        if (bias() != null) {
            bias().accumulateGrad(g.sum(0, false));
        }
        Tensor gx = Backends.forType(rows.dtype()).matmul(g, false, w, false);
        return inputShape.length == 2 ? gx : gx.reshape(inputShape);
    }

    @Override
    public String toString() {
        return "Linear(in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias() != null)
                + ")";
    }
}
