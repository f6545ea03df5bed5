package org.gradlab.engine.nn;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/** What Conv2d and ConvTranspose2d share: channel checks, PyTorch's default init and the per-channel bias. */
final class ConvLayers {
    private ConvLayers() {
    }

    static void checkChannels(String layer, int inChannels, int outChannels, int groups) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException(layer + ": in_channels and out_channels must be positive, got "
                    + inChannels + " and " + outChannels);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(layer + ": groups " + groups + " must divide both in_channels "
                    + inChannels + " and out_channels " + outChannels);
        }
    }

    /**
     * Fills {@code weight} as torch's reset_parameters does — kaiming_uniform(a=√5), i.e. U(±1/√fan_in)
     * with fan_in from the weight's dims 1.. — and returns a bias of {@code biasSize} drawn from the
     * same bound afterwards, or null when {@code biasSize} is 0.
     */
    static Parameter initDefault(Tensor weight, int biasSize, Rng rng) {
        Init.kaimingUniform(weight, Math.sqrt(5.0), Init.FanMode.FAN_IN, "leaky_relu", rng);
        if (biasSize == 0) {
            return null;
        }
        double bound = 1.0 / Math.sqrt(Init.fanIn(weight.shape()));
        return new Parameter("bias", Init.uniform(Tensor.zeros(weight.dtype(), biasSize), -bound, bound, rng));
    }

    /** y + bias broadcast over (N, ·, H, W); y unchanged without a bias. */
    static Tensor addBias(Tensor y, Parameter bias) {
        if (bias == null) {
            return y;
        }
        int[] s = y.shape();
        return y.add(bias.value().reshape(1, s[1], 1, 1));
    }

    /** bias.grad += grad_output summed over N, H and W (accumulated in double, once rounded). */
    static void accumulateBiasGrad(Parameter bias, Tensor gradOutput) {
        if (bias == null) {
            return;
        }
        int[] s = gradOutput.shape();
        int channels = s[1];
        int plane = s[2] * s[3];
        double[] g = TensorData.read(gradOutput);
        double[] sums = new double[channels];
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < channels; c++) {
                int off = (n * channels + c) * plane;
                double acc = 0.0;
                for (int i = 0; i < plane; i++) {
                    acc += g[off + i];
                }
                sums[c] += acc;
            }
        }
        bias.accumulateGrad(TensorData.wrap(bias.value().dtype(), new int[] {channels}, sums));
    }
}
