package org.gradlab.engine.train;

import org.gradlab.core.Tensor;

/** A mini-batch: inputs (B, …) and their class labels. */
public record Batch(Tensor inputs, int[] labels) {
    public Batch {
        labels = labels.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return labels.length;
    }

    /** The labels as a (B) tensor of class indices, the target form of CrossEntropyLoss. */
    public Tensor targets() {
        double[] t = new double[labels.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels[i];
        }
        return Tensor.of(t, t.length);
    }
}
