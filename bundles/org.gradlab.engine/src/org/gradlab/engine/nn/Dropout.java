package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Inverted dropout: in training mode each element is zeroed with probability p and the survivors
 * are scaled by 1/(1−p), so the expected output equals the input and evaluation needs no
 * rescaling; in evaluation mode it is the identity. Masks come from the seeded {@link Rng}, so the
 * same seed reproduces the same masks. Layers start in training mode, as in PyTorch.
 */
public final class Dropout implements Layer {
    private final double p;
    private final Rng rng;
    private boolean training = true;
    private double[] keep;    // 1 where the last training forward kept the element, else 0; null after eval
    private int[] shape;      // of the last forward; null before any
    private DType dtype;

    /** @param p probability of zeroing an element, in [0, 1] (1 zeroes everything) */
    public Dropout(double p, Rng rng) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("Dropout: probability p must be between 0 and 1, got " + p);
        }
        if (rng == null) {
            throw new IllegalArgumentException("Dropout: an Rng is required to draw reproducible masks");
        }
        this.p = p;
        this.rng = rng;
    }

    public double p() {
        return p;
    }

    public boolean isTraining() {
        return training;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /** The factor applied to kept elements: 1/(1−p), or 0 when p = 1 (nothing is kept). */
    private double scale() {
        return p == 1.0 ? 0.0 : 1.0 / (1.0 - p);
    }

    @Override
    public Tensor forward(Tensor input) {
        shape = input.shape();
        dtype = input.dtype();
        if (!training) {
            keep = null;
            return input;
        }
        double[] x = TensorData.read(input);
        double[] mask = new double[x.length];
        double[] y = new double[x.length];
        double scale = scale();
        for (int i = 0; i < x.length; i++) {
            if (rng.uniform() >= p) { // kept with probability 1 − p
                mask[i] = 1.0;
                y[i] = x[i] * scale;
            }
        }
        keep = mask;
        return TensorData.wrap(dtype, shape, y);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("Dropout", shape);
        LayerChecks.gradShape("Dropout", gradOutput, shape);
        if (keep == null) {
            return gradOutput;
        }
        double[] g = TensorData.read(gradOutput);
        double[] gx = new double[g.length];
        double scale = scale();
        for (int i = 0; i < g.length; i++) {
            gx[i] = keep[i] * g[i] * scale;
        }
        return TensorData.wrap(dtype, shape, gx);
    }

    /** The 0/1 keep mask (FLOAT64) of the last training-mode forward, or null if the last forward was in eval mode or none ran. */
    public Tensor lastMask() {
        return keep == null ? null : Tensor.of(keep, shape);
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
