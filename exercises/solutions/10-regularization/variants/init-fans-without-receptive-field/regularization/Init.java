package regularization;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Weight initializations as torch.nn.init defines them, filling a weight in place. For a weight
 * of shape (out, in) or (out, in, kh, kw): fan_in = in·kh·kw and fan_out = out·kh·kw.
 */
public final class Init {
    /** Kaiming's gain for ReLU: it halves the variance, √2 restores it. */
    private static final double RELU_GAIN = Math.sqrt(2);

    private Init() {
    }

    /** Glorot: U(−a, a) with a = √(6 / (fan_in + fan_out)). */
    public static void xavierUniform(Tensor w, Rng rng) {
        uniform(w, Math.sqrt(3) * xavierStd(w), rng);
    }

    /** Glorot: N(0, std²) with std = √(2 / (fan_in + fan_out)). */
    public static void xavierNormal(Tensor w, Rng rng) {
        normal(w, xavierStd(w), rng);
    }

    /** He: U(−b, b) with b = √3·std = √(6 / fan_in). */
    public static void kaimingUniform(Tensor w, Rng rng) {
        uniform(w, Math.sqrt(3) * kaimingStd(w), rng);
    }

    /** He: N(0, std²) with std = √2 / √fan_in. */
    public static void kaimingNormal(Tensor w, Rng rng) {
        normal(w, kaimingStd(w), rng);
    }

    private static double xavierStd(Tensor w) {
        return Math.sqrt(2.0 / (fanIn(w) + fanOut(w)));
    }

    private static double kaimingStd(Tensor w) {
        return RELU_GAIN / Math.sqrt(fanIn(w));
    }

    /** in·(product of the kernel sizes): the inputs each output sums over. */
    static int fanIn(Tensor w) {
        return w.size(1);
    }

    /** out·(product of the kernel sizes). */
    static int fanOut(Tensor w) {
        return w.size(0);
    }

    private static int receptiveField(Tensor w) {
        if (w.dim() < 2) {
            throw new IllegalArgumentException("Init: fans need a weight with at least 2 dimensions, got "
                    + java.util.Arrays.toString(w.shape()));
        }
        return w.numel() / (w.size(0) * w.size(1));
    }

    private static void uniform(Tensor w, double bound, Rng rng) {
        w.copyFrom(Tensor.uniform(w.dtype(), rng, -bound, bound, w.shape()));
    }

    private static void normal(Tensor w, double std, Rng rng) {
        w.copyFrom(Tensor.randn(w.dtype(), rng, w.shape()).mul(std));
    }
}
