package regularization;

import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Batch normalization written with explicit loops: the input is walked as (N, C, inner) with
 * inner = H·W (1 for (N, C)), element (n, c, i) at flat index (n·C + c)·inner + i.
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
    private Tensor xhat;
    private double[] invStd;
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

    public Tensor runningMean() {
        return runningMean;
    }

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

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 2 || x.size(1) != numFeatures) {
            throw new ShapeMismatchException("BatchNorm: input expected (N, " + numFeatures + ", ...), got shape "
                    + Arrays.toString(x.shape()));
        }
        int n = x.size(0);
        int c = numFeatures;
        int inner = x.numel() / (n * c);
        int count = n * inner;
        double[] mean = new double[c];
        double[] var = new double[c];
        if (training) {
            if (count < 2) {
                throw new IllegalArgumentException("BatchNorm: training needs more than one value per channel");
            }
            for (int ch = 0; ch < c; ch++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    for (int i = 0; i < inner; i++) {
                        s += x.getFlat((b * c + ch) * inner + i);
                    }
                }
                mean[ch] = s / count;
                double ss = 0;
                for (int b = 0; b < n; b++) {
                    for (int i = 0; i < inner; i++) {
                        double d = x.getFlat((b * c + ch) * inner + i) - mean[ch];
                        ss += d * d;
                    }
                }
                var[ch] = ss / count;
                runningMean.setFlat(ch, (1 - momentum) * runningMean.getFlat(ch) + momentum * mean[ch]);
                runningVar.setFlat(ch, (1 - momentum) * runningVar.getFlat(ch)
                        + momentum * var[ch] * count / (count - 1.0));
            }
        } else {
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = runningMean.getFlat(ch);
                var[ch] = runningVar.getFlat(ch);
            }
        }
        invStd = new double[c];
        xhat = Tensor.zeros(x.shape());
        Tensor y = Tensor.zeros(x.shape());
        for (int ch = 0; ch < c; ch++) {
            invStd[ch] = 1 / Math.sqrt(var[ch] + eps);
            double gamma = weight.value().getFlat(ch);
            double beta = bias.value().getFlat(ch);
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < inner; i++) {
                    int k = (b * c + ch) * inner + i;
                    double h = (x.getFlat(k) - mean[ch]) * invStd[ch];
                    xhat.setFlat(k, h);
                    y.setFlat(k, gamma * h + beta);
                }
            }
        }
        usedBatchStats = training;
        return y;
    }

    @Override
    public Tensor backward(Tensor g) {
        if (xhat == null) {
            throw new IllegalStateException("BatchNorm: backward called before forward");
        }
        int n = xhat.size(0);
        int c = numFeatures;
        int inner = xhat.numel() / (n * c);
        int count = n * inner;
        Tensor dGamma = Tensor.zeros(c);
        Tensor dBeta = Tensor.zeros(c);
        Tensor dx = Tensor.zeros(xhat.shape());
        for (int ch = 0; ch < c; ch++) {
            double gamma = weight.value().getFlat(ch);
            double sumG = 0;
            double sumGX = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < inner; i++) {
                    int k = (b * c + ch) * inner + i;
                    sumG += g.getFlat(k);
                    sumGX += g.getFlat(k) * xhat.getFlat(k);
                }
            }
            dGamma.setFlat(ch, sumGX);
            dBeta.setFlat(ch, sumG);
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < inner; i++) {
                    int k = (b * c + ch) * inner + i;
                    double v = g.getFlat(k);
                    if (usedBatchStats) {
                        v -= sumG / count + xhat.getFlat(k) * sumGX / count;
                    }
                    dx.setFlat(k, gamma * invStd[ch] * v);
                }
            }
        }
        weight.accumulateGrad(dGamma);
        bias.accumulateGrad(dBeta);
        return dx;
    }
}
