package regularization;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Batch normalization over the channel axis 1 of (N, C) or (N, C, H, W) inputs: each channel is
 * normalized with its mean and variance over every other axis, then scaled by γ (weight) and
 * shifted by β (bias). Training uses the batch statistics (biased variance) and moves the running
 * statistics towards them (unbiased variance, as PyTorch); evaluation uses the running statistics.
 */
public final class BatchNorm implements Layer {
    private final int numFeatures;
    private final double momentum;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private boolean training = true;
    // cache of the last forward
    private Tensor xhat;
    private Tensor invStd;
    private boolean usedBatchStats;

    public BatchNorm(int numFeatures, double momentum, double eps) {
        this.numFeatures = numFeatures;
        this.momentum = momentum;
        this.eps = eps;
        this.weight = new Parameter("weight", Tensor.ones(numFeatures));
        this.bias = new Parameter("bias", Tensor.zeros(numFeatures));
        this.runningMean = Tensor.zeros(numFeatures);
        this.runningVar = Tensor.ones(numFeatures);
    }

    /** The running mean (C), updated in place by training forwards. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance (C), updated in place by training forwards. */
    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * y = γ·(x − μ)/√(σ² + ε) + β per channel. Training: μ, σ² are the batch mean and biased
     * variance over all axes but 1, and running = (1 − momentum)·running + momentum·batch, with
     * the unbiased variance (× n/(n−1), n values per channel) for runningVar. Evaluation: μ, σ²
     * are the running statistics, which stay unchanged.
     */
    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() < 2 || input.size(1) != numFeatures) {
            throw new ShapeMismatchException("BatchNorm: input expected (N, " + numFeatures + ", ...), got shape "
                    + Arrays.toString(input.shape()));
        }
        int[] axes = statAxes(input.dim());
        int[] view = channelView(input.shape());
        Tensor mean;
        Tensor var;
        if (training) {
            int n = input.numel() / numFeatures;
            if (n < 2) {
                throw new IllegalArgumentException("BatchNorm: training needs more than one value per channel, got"
                        + " shape " + Arrays.toString(input.shape()));
            }
            mean = input.mean(axes, true);
            var = input.sub(mean).square().mean(axes, true); // two passes: no E[x²] − E[x]² cancellation
            runningMean.mulInPlace(1 - momentum).addScaledInPlace(momentum, mean.reshape(numFeatures));
            runningVar.mulInPlace(1 - momentum).addScaledInPlace(momentum, var.reshape(numFeatures)); // biased variance
        } else {
            mean = runningMean.reshape(view);
            var = runningVar.reshape(view);
        }
        invStd = var.add(eps).sqrt().reciprocal();
        xhat = input.sub(mean).mul(invStd);
        usedBatchStats = training;
        return xhat.mul(weight.value().reshape(view)).add(bias.value().reshape(view));
    }

    /**
     * dL/dx; adds dγ = Σ g·x̂ and dβ = Σ g (over all axes but 1). With batch statistics the mean
     * and variance depend on x: dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))/σ with dx̂ = γ·g;
     * in evaluation they are constants: dx = dx̂/σ.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        if (xhat == null) {
            throw new IllegalStateException("BatchNorm: backward called before forward");
        }
        int[] axes = statAxes(xhat.dim());
        weight.accumulateGrad(gradOutput.mul(xhat).sum(axes, false));
        bias.accumulateGrad(gradOutput.sum(axes, false));
        Tensor dxhat = gradOutput.mul(weight.value().reshape(channelView(xhat.shape())));
        if (!usedBatchStats) {
            return dxhat.mul(invStd);
        }
        return dxhat.sub(dxhat.mean(axes, true)).sub(xhat.mul(dxhat.mul(xhat).mean(axes, true))).mul(invStd);
    }

    /** Every axis but the channel axis 1. */
    private static int[] statAxes(int rank) {
        int[] axes = new int[rank - 1];
        axes[0] = 0;
        for (int a = 2; a < rank; a++) {
            axes[a - 1] = a;
        }
        return axes;
    }

    /** (1, C, 1, …): the shape per-channel values broadcast from. */
    private static int[] channelView(int[] shape) {
        int[] view = new int[shape.length];
        Arrays.fill(view, 1);
        view[1] = shape[1];
        return view;
    }
}
