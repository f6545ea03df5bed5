package regularization;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
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
     * variance over all axes but 1 (compute σ² as the mean of (x − μ)²), and
     * running = (1 − momentum)·running + momentum·batch, with the unbiased variance
     * (× n/(n−1), n values per channel) for runningVar. Evaluation: μ, σ² are the running
     * statistics, which stay unchanged.
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: BatchNorm.forward — normalize per channel, update running stats");
    }

    /**
     * dL/dx; adds dγ = Σ g·x̂ and dβ = Σ g (over all axes but 1) to the parameter gradients.
     * Remember that in training the batch mean and variance depend on x; in evaluation the
     * running statistics are constants.
     */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: BatchNorm.backward — dx through x̂, μ and σ²; accumulate dγ, dβ");
    }
}
