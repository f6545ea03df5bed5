package org.gradlab.engine.nn;

/** e^x / Σ e^x along {@code dim} (negative counts from the end); stable for logits of any magnitude. */
public final class Softmax extends AxisSoftmax {
    public Softmax(int dim) {
        super("Softmax", dim, false);
    }
}
