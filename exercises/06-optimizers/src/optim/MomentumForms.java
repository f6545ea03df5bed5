package optim;

import java.util.List;

import org.gradlab.core.Tensor;

/**
 * Momentum written two ways, with learning rate α and momentum β (no dampening, no decay): the
 * classic heavy ball θ ← θ − αg + β(θ − θ_prev), and PyTorch's velocity v ← g + βv, θ ← θ − αv
 * (v starting at 0). Both give the same trajectory as {@code SGD(lr=α, momentum=β)}.
 */
public final class MomentumForms {
    private MomentumForms() {
    }

    /**
     * θ after each step of θ ← θ − α·g_t + β·(θ − θ_prev), with θ_prev = θ₀ before the first step.
     * Returns one new tensor per gradient; {@code theta0} and {@code grads} are only read.
     */
    public static Tensor[] heavyBall(Tensor theta0, List<Tensor> grads, double lr, double beta) {
        throw new UnsupportedOperationException("TODO: MomentumForms.heavyBall: theta <- theta - lr g + beta (theta - thetaPrev), record theta after each step");
    }

    /**
     * θ after each step of v ← g_t + β·v, θ ← θ − α·v, with v = 0 before the first step.
     * Returns one new tensor per gradient; {@code theta0} and {@code grads} are only read.
     */
    public static Tensor[] velocity(Tensor theta0, List<Tensor> grads, double lr, double beta) {
        throw new UnsupportedOperationException("TODO: MomentumForms.velocity: v <- g + beta v, theta <- theta - lr v, record theta after each step");
    }
}
