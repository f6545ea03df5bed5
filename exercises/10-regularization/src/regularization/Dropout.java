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
     * returns x·mask/(1−p); p = 1 gives zeros (beware 0·∞). Evaluation: returns x unchanged.
     * Remember what backward needs.
     */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: Dropout.forward — mask from rng, scale kept entries by 1/(1−p)");
    }

    /** dL/dx: gradOutput through the mask and scale of the last forward (identity after an evaluation forward). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: Dropout.backward — reuse the mask of the last forward");
    }
}
