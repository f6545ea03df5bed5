package org.gradlab.engine.nn;

import java.util.Arrays;

import org.gradlab.core.DType;
import org.gradlab.core.Shapes;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Layer normalization over the last {@code normalizedShape.length} dimensions: each sample is
 * normalized with its own mean and biased variance (no running statistics, same in training and
 * evaluation), then scaled and shifted elementwise by "weight" (init 1) and "bias" (init 0),
 * both of shape {@code normalizedShape}.
 */
public final class LayerNorm extends WeightBiasLayer {
    private final int[] normalizedShape;
    private final double eps;
    private double[] xhat;
    private double[] invStd;
    private int[] shape;
    private DType inputType;

    public LayerNorm(DType dtype, int[] normalizedShape, double eps) {
        super(dtype, checked(normalizedShape));
        if (!(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: eps must be positive, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
    }

    /** FLOAT64. */
    public LayerNorm(int[] normalizedShape, double eps) {
        this(DType.FLOAT64, normalizedShape, eps);
    }

    /** FLOAT64, eps 1e-5. */
    public LayerNorm(int... normalizedShape) {
        this(DType.FLOAT64, normalizedShape, 1e-5);
    }

    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    public double eps() {
        return eps;
    }

    /** The shape of weight and bias, checked before they are made. */
    private static int[] checked(int[] normalizedShape) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must be non-empty with positive sizes, got "
                    + Arrays.toString(normalizedShape));
        }
        return normalizedShape;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        int k = normalizedShape.length;
        if (s.length < k || !Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape)) {
            throw new ShapeMismatchException("LayerNorm: expected input with shape [*, "
                    + Arrays.toString(normalizedShape).substring(1) + " (normalized_shape "
                    + Arrays.toString(normalizedShape) + "), got shape " + Arrays.toString(s));
        }
        int d = Shapes.numel(normalizedShape);
        int rows = input.numel() / d;
        double[] x = TensorData.read(input);
        double[][] m = NormKernels.moments(x, 1, rows, d);
        invStd = NormKernels.invStd(m[1], eps);
        xhat = NormKernels.normalize(x, 1, rows, d, m[0], invStd);
        // weight and bias act per element of the normalized shape: groups of one over the rows.
        double[] y = NormKernels.affine(xhat, rows, d, 1, TensorData.read(weight().value()),
                TensorData.read(bias().value()));
        shape = s;
        inputType = input.dtype();
        return TensorData.wrap(input.dtype(), s, y);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("LayerNorm", xhat);
        LayerChecks.gradShape("LayerNorm", gradOutput, shape);
        int d = Shapes.numel(normalizedShape);
        int rows = xhat.length / d;
        double[] dy = TensorData.read(gradOutput);
        double[][] sums = NormKernels.gradientSums(dy, xhat, rows, d, 1);
        ParameterGrads.accumulate(weight(), sums[1]);
        ParameterGrads.accumulate(bias(), sums[0]);
        double[] dxhat = NormKernels.affine(dy, rows, d, 1, TensorData.read(weight().value()), null);
        return TensorData.wrap(inputType, shape, NormKernels.backward(dxhat, xhat, 1, rows, d, invStd));
    }

    @Override
    public String toString() {
        return "LayerNorm(" + Arrays.toString(normalizedShape) + ", eps=" + eps + ")";
    }
}
