package org.gradlab.engine.nn;

import java.util.Arrays;

import org.gradlab.core.DType;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Batch normalization over the channel axis 1 of (N, C) or (N, C, d…) inputs: every channel is
 * normalized over the batch and all positions, then scaled by γ ("weight") and shifted by β ("bias").
 * In training the batch statistics are used (biased variance) and the running statistics move
 * towards them with {@code momentum}, using the UNBIASED variance as PyTorch does; in evaluation
 * the running statistics are used and held fixed. {@link BatchNorm1d} and {@link BatchNorm2d}
 * only restrict the accepted ranks.
 */
public class BatchNorm extends WeightBiasLayer {
    private final String name;
    private final int minRank;
    private final int maxRank;
    private final String layout;
    private final int numFeatures;
    private final double eps;
    private final double momentum;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private boolean training = true;
    // cache of the last forward
    private double[] xhat;
    private double[] invStd;
    private int[] shape;
    private DType inputType;
    private boolean usedBatchStats;

    /** Any input of rank ≥ 2, γ = 1, β = 0, running mean 0 and variance 1. */
    public BatchNorm(DType dtype, int numFeatures, double eps, double momentum) {
        this("BatchNorm", 2, Integer.MAX_VALUE, "(N, C, ...)", dtype, numFeatures, eps, momentum);
    }

    /** FLOAT64, eps 1e-5, momentum 0.1. */
    public BatchNorm(int numFeatures) {
        this(DType.FLOAT64, numFeatures, 1e-5, 0.1);
    }

    BatchNorm(String name, int minRank, int maxRank, String layout, DType dtype, int numFeatures, double eps,
            double momentum) {
        super(dtype, new int[] {checkedFeatures(name, numFeatures)});
        if (!(eps > 0)) {
            throw new IllegalArgumentException(name + ": eps must be positive, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(name + ": momentum must be in [0, 1], got " + momentum);
        }
        this.name = name;
        this.minRank = minRank;
        this.maxRank = maxRank;
        this.layout = layout;
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.runningMean = Tensor.zeros(dtype, numFeatures);
        this.runningVar = Tensor.ones(dtype, numFeatures);
    }

    /** num_features, checked before weight and bias are made. */
    private static int checkedFeatures(String name, int numFeatures) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException(name + ": num_features must be positive, got " + numFeatures);
        }
        return numFeatures;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public double eps() {
        return eps;
    }

    public double momentum() {
        return momentum;
    }

    /** The running mean buffer (C); updated in place by training forwards. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance buffer (C); updated in place by training forwards. */
    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        if (s.length < minRank || s.length > maxRank) {
            String rank = minRank == maxRank ? String.valueOf(minRank)
                    : maxRank == Integer.MAX_VALUE ? "at least " + minRank : minRank + " or " + maxRank;
            throw LayerChecks.badInput(name, rank + " dimensions " + layout, s);
        }
        if (s[1] != numFeatures) {
            throw new ShapeMismatchException(name + ": input has " + s[1] + " channels (axis 1) but num_features is "
                    + numFeatures + ", got shape " + Arrays.toString(s));
        }
        int n = s[0];
        int c = s[1];
        int inner = input.numel() / Math.max(1, n * c);
        int count = n * inner;
        double[] x = TensorData.read(input);
        double[] mean;
        double[] var;
        if (training) {
            if (count <= 1) {
                throw new IllegalArgumentException(name + ": expected more than 1 value per channel when training, "
                        + "got input shape " + Arrays.toString(s));
            }
            double[][] m = NormKernels.moments(x, n, c, inner);
            mean = m[0];
            var = m[1];
            double unbias = count / (count - 1.0);
            for (int ch = 0; ch < c; ch++) {
                runningMean.setFlat(ch, (1 - momentum) * runningMean.getFlat(ch) + momentum * mean[ch]);
                runningVar.setFlat(ch, (1 - momentum) * runningVar.getFlat(ch) + momentum * var[ch] * unbias);
            }
        } else {
            mean = TensorData.read(runningMean);
            var = TensorData.read(runningVar);
        }
        invStd = NormKernels.invStd(var, eps);
        xhat = NormKernels.normalize(x, n, c, inner, mean, invStd);
        double[] y = NormKernels.affine(xhat, n, c, inner, TensorData.read(weight().value()),
                TensorData.read(bias().value()));
        shape = s;
        inputType = input.dtype();
        usedBatchStats = training;
        return TensorData.wrap(input.dtype(), s, y);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone(name, xhat);
        LayerChecks.gradShape(name, gradOutput, shape);
        int n = shape[0];
        int c = shape[1];
        int inner = xhat.length / Math.max(1, n * c);
        double[] dy = TensorData.read(gradOutput);
        double[][] sums = NormKernels.gradientSums(dy, xhat, n, c, inner);
        ParameterGrads.accumulate(weight(), sums[1]);
        ParameterGrads.accumulate(bias(), sums[0]);
        double[] dxhat = NormKernels.affine(dy, n, c, inner, TensorData.read(weight().value()), null);
        // With running statistics x̂ = (x − mean)·invStd is affine in x, the statistics being constants.
        double[] dx = usedBatchStats ? NormKernels.backward(dxhat, xhat, n, c, inner, invStd)
                : NormKernels.affine(dxhat, n, c, inner, invStd, null);
        return TensorData.wrap(inputType, shape, dx);
    }

    @Override
    public String toString() {
        return name + "(" + numFeatures + ", eps=" + eps + ", momentum=" + momentum + ")";
    }
}
