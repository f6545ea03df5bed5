package regularization;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Weight initializations as torch.nn.init defines them, filling a weight in place from the given
 * generator. For a weight of shape (out, in) or (out, in, kh, kw): fan_in = in·kh·kw and
 * fan_out = out·kh·kw. Xavier (Glorot) has gain 1, Kaiming (He) gain √2 (for ReLU, fan_in mode).
 */
public final class Init {
    private Init() {
    }

    /** Fills w with U(−a, a), a = √(6 / (fan_in + fan_out)). */
    public static void xavierUniform(Tensor w, Rng rng) {
        throw new UnsupportedOperationException("TODO: Init.xavierUniform — U(±√(6/(fan_in+fan_out))) into w");
    }

    /** Fills w with N(0, std²), std = √(2 / (fan_in + fan_out)). */
    public static void xavierNormal(Tensor w, Rng rng) {
        throw new UnsupportedOperationException("TODO: Init.xavierNormal — N(0, 2/(fan_in+fan_out)) into w");
    }

    /** Fills w with U(−b, b), b = √2·√(3 / fan_in) = √(6 / fan_in). */
    public static void kaimingUniform(Tensor w, Rng rng) {
        throw new UnsupportedOperationException("TODO: Init.kaimingUniform — U(±√(6/fan_in)) into w");
    }

    /** Fills w with N(0, std²), std = √2 / √fan_in. */
    public static void kaimingNormal(Tensor w, Rng rng) {
        throw new UnsupportedOperationException("TODO: Init.kaimingNormal — N(0, 2/fan_in) into w");
    }

    /** in·(product of the kernel sizes): the number of inputs each output sums over. */
    static int fanIn(Tensor w) {
        throw new UnsupportedOperationException("TODO: Init.fanIn — w.size(1) times the receptive field");
    }

    /** out·(product of the kernel sizes). */
    static int fanOut(Tensor w) {
        throw new UnsupportedOperationException("TODO: Init.fanOut — w.size(0) times the receptive field");
    }
}
