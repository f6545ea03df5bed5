package org.gradlab.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * An in-memory labelled data set: inputs (N, …) with one class label per sample, cut into
 * mini-batches in order or shuffled by a seeded {@link Rng}.
 *
 * <p>The inputs are read once here (FLOAT64: the tensor's own storage, FLOAT32: a widened copy),
 * so do not modify the tensor afterwards.
 */
public final class Dataset {
    private final DType dtype;
    private final int[] sampleShape;
    private final int sampleSize;
    private final double[] data;
    private final int[] labels;

    public Dataset(Tensor inputs, int[] labels) {
        if (inputs.dim() == 0 || inputs.size(0) != labels.length) {
            throw ShapeMismatchException.of("Dataset", "inputs need one row per label (" + labels.length
                    + " labels)", inputs.shape());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("Dataset: label " + labels[i] + " at index " + i
                        + " is negative; labels are class indices");
            }
        }
        int[] shape = inputs.shape();
        this.dtype = inputs.dtype();
        this.sampleShape = Arrays.copyOfRange(shape, 1, shape.length);
        this.sampleSize = labels.length == 0 ? 0 : inputs.numel() / labels.length;
        this.data = TensorData.read(inputs);
        this.labels = labels.clone();
    }

    public int size() {
        return labels.length;
    }

    /** Shape of one sample, without the batch axis. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    public int[] labels() {
        return labels.clone();
    }

    /** The samples at {@code indices}, in that order. */
    public Batch batch(int[] indices) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = indices.length;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        double[] x = new double[indices.length * sampleSize];
        int[] y = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int i = indices[b];
            if (i < 0 || i >= labels.length) {
                throw new IndexOutOfBoundsException("Dataset: index " + i + " outside 0.." + (labels.length - 1));
            }
            System.arraycopy(data, i * sampleSize, x, b * sampleSize, sampleSize);
            y[b] = labels[i];
        }
        return new Batch(TensorData.wrap(dtype, shape, x), y);
    }

    /**
     * Consecutive mini-batches covering every sample once; the last may be smaller.
     * With {@code shuffle} non-null the order is a fresh permutation drawn from it (Fisher–Yates),
     * so one seed fixes every epoch's order; with null the samples stay in order.
     */
    public List<Batch> batches(int batchSize, Rng shuffle) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Dataset: batch size must be positive, got " + batchSize);
        }
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle != null) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(batch(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize))));
        }
        return batches;
    }
}
