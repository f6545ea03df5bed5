package regularization;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/** Inverted dropout with an explicit loop and a boolean mask. */
public final class Dropout implements Layer {
    private final double p;
    private final Rng rng;
    private boolean training = true;
    private boolean[] keep; // null after an evaluation forward
    private int[] shape;

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

    @Override
    public Tensor forward(Tensor x) {
        shape = x.shape();
        keep = null;
        Tensor y = x.copy();
        if (!training) {
            return y;
        }
        keep = new boolean[x.numel()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = rng.uniform() >= p;
            y.setFlat(i, keep[i] ? x.getFlat(i) / (1 - p) : 0.0);
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor g) {
        if (shape == null) {
            throw new IllegalStateException("Dropout: backward called before forward");
        }
        Tensor dx = g.copy();
        if (keep != null) {
            for (int i = 0; i < keep.length; i++) {
                dx.setFlat(i, keep[i] ? g.getFlat(i) / (1 - p) : 0.0);
            }
        }
        return dx;
    }
}
