package org.gradlab.engine.nn;

import java.util.Locale;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Weight initialisations as {@code torch.nn.init} defines them, filling a tensor in place from a
 * seeded {@link Rng}. Fans follow torch: for a weight of shape (out, in, k…) fan_in = in·∏k and
 * fan_out = out·∏k, so 2-d Linear weights and 4-d conv weights are both covered.
 */
public final class Init {
    /** Which fan Kaiming initialisation preserves: the forward (FAN_IN) or backward (FAN_OUT) variance. */
    public enum FanMode {
        FAN_IN,
        FAN_OUT
    }

    private Init() {
    }

    /** fan_in of a weight with at least 2 dimensions. */
    public static int fanIn(int[] shape) {
        return checkedFans(shape)[0];
    }

    /** fan_out of a weight with at least 2 dimensions. */
    public static int fanOut(int[] shape) {
        return checkedFans(shape)[1];
    }

    private static int[] checkedFans(int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("Init: fan in and fan out cannot be computed for a tensor with fewer "
                    + "than 2 dimensions, got shape " + java.util.Arrays.toString(shape));
        }
        int receptive = 1;
        for (int d = 2; d < shape.length; d++) {
            receptive *= shape[d];
        }
        return new int[] {shape[1] * receptive, shape[0] * receptive};
    }

    /** {@code torch.nn.init.calculate_gain} with its default parameter (leaky_relu: slope 0.01). */
    public static double gain(String nonlinearity) {
        return gain(nonlinearity, 0.01);
    }

    /**
     * The gain that keeps activations' variance stable: 1 for linear/conv/sigmoid, 5/3 for tanh,
     * √2 for relu, √(2 / (1 + slope²)) for leaky_relu with {@code param} as its negative slope.
     */
    public static double gain(String nonlinearity, double param) {
        return switch (nonlinearity.toLowerCase(Locale.ROOT)) {
            case "linear", "identity", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                    "conv_transpose3d", "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3.0;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> Math.sqrt(2.0 / (1.0 + param * param));
            case "selu" -> 0.75;
            default -> throw new IllegalArgumentException("Init: unknown nonlinearity \"" + nonlinearity
                    + "\" (expected linear, conv1d, conv2d, conv3d, conv_transpose1d, conv_transpose2d, "
                    + "conv_transpose3d, sigmoid, tanh, relu, leaky_relu or selu)");
        };
    }

    /** Fills {@code t} with U(low, high). */
    public static Tensor uniform(Tensor t, double low, double high, Rng rng) {
        return t.copyFrom(Tensor.uniform(t.dtype(), rng, low, high, t.shape()));
    }

    /** Fills {@code t} with N(mean, std²). */
    public static Tensor normal(Tensor t, double mean, double std, Rng rng) {
        return t.copyFrom(Tensor.randn(t.dtype(), rng, t.shape()).mul(std).add(mean));
    }

    /** Glorot: U(±a) with a = gain·√(6 / (fan_in + fan_out)), i.e. variance gain²·2 / (fan_in + fan_out). */
    public static Tensor xavierUniform(Tensor t, double gain, Rng rng) {
        int[] fans = checkedFans(t.shape());
        double bound = gain * Math.sqrt(6.0 / (fans[0] + fans[1]));
        return uniform(t, -bound, bound, rng);
    }

    public static Tensor xavierUniform(Tensor t, Rng rng) {
        return xavierUniform(t, 1.0, rng);
    }

    /** Glorot: N(0, std²) with std = gain·√(2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal(Tensor t, double gain, Rng rng) {
        int[] fans = checkedFans(t.shape());
        return normal(t, 0.0, gain * Math.sqrt(2.0 / (fans[0] + fans[1])), rng);
    }

    public static Tensor xavierNormal(Tensor t, Rng rng) {
        return xavierNormal(t, 1.0, rng);
    }

    /**
     * He: U(±bound) with bound = gain·√(3 / fan), gain from {@code nonlinearity} with {@code a} as the
     * leaky_relu slope, so the variance is gain² / fan.
     */
    public static Tensor kaimingUniform(Tensor t, double a, FanMode mode, String nonlinearity, Rng rng) {
        double bound = Math.sqrt(3.0) * kaimingStd(t.shape(), a, mode, nonlinearity);
        return uniform(t, -bound, bound, rng);
    }

    /** torch's defaults: a = 0, fan_in, leaky_relu (gain √2). */
    public static Tensor kaimingUniform(Tensor t, Rng rng) {
        return kaimingUniform(t, 0.0, FanMode.FAN_IN, "leaky_relu", rng);
    }

    /** He: N(0, std²) with std = gain / √fan. */
    public static Tensor kaimingNormal(Tensor t, double a, FanMode mode, String nonlinearity, Rng rng) {
        return normal(t, 0.0, kaimingStd(t.shape(), a, mode, nonlinearity), rng);
    }

    public static Tensor kaimingNormal(Tensor t, Rng rng) {
        return kaimingNormal(t, 0.0, FanMode.FAN_IN, "leaky_relu", rng);
    }

    private static double kaimingStd(int[] shape, double a, FanMode mode, String nonlinearity) {
        int[] fans = checkedFans(shape);
        int fan = mode == FanMode.FAN_IN ? fans[0] : fans[1];
        return gain(nonlinearity, a) / Math.sqrt(fan);
    }
}
