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
        Tensor[] out = new Tensor[grads.size()];
        Tensor prev = theta0;
        Tensor theta = theta0;
        for (int t = 0; t < out.length; t++) {
            Tensor next = theta.sub(grads.get(t).mul(lr)).add(theta.sub(prev).mul(beta));
            prev = theta;
            theta = next;
            out[t] = next;
        }
        return out;
    }

    /**
     * θ after each step of v ← g_t + β·v, θ ← θ − α·v, with v = 0 before the first step.
     * Returns one new tensor per gradient; {@code theta0} and {@code grads} are only read.
     */
    public static Tensor[] velocity(Tensor theta0, List<Tensor> grads, double lr, double beta) {
        Tensor[] out = new Tensor[grads.size()];
        Tensor v = theta0.zerosLike();
        Tensor theta = theta0;
        for (int t = 0; t < out.length; t++) {
            v = grads.get(t).add(v.mul(beta));
            theta = theta.sub(v.mul(lr));
            out[t] = theta;
        }
        return out;
    }
}
