package org.gradlab.engine.loss;

import java.util.Arrays;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Class-index targets for classification losses: logits (N, C, d…) or (C) with the class on axis 1
 * (axis 0 when unbatched), and integer targets of the logits' shape without that axis.
 */
final class ClassTargets {
    /** The logits viewed as {@code outer × classes × inner} around the class axis; {@code indices} has outer·inner entries. */
    final int outer;
    final int classes;
    final int inner;
    final int[] indices;

    private ClassTargets(int outer, int classes, int inner, int[] indices) {
        this.outer = outer;
        this.classes = classes;
        this.inner = inner;
        this.indices = indices;
    }

    /** Validates shapes and values, naming the loss, the offending position, its value and C. */
    static ClassTargets of(String loss, Tensor input, Tensor target) {
        int[] shape = input.shape();
        if (shape.length == 0) {
            throw new ShapeMismatchException(loss + ": input expected (N, C) logits, got shape []");
        }
        int axis = shape.length == 1 ? 0 : 1;
        int[] expected = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != axis) {
                expected[j++] = shape[d];
            }
        }
        if (!Arrays.equals(target.shape(), expected)) {
            throw ShapeMismatchException.of(loss, "target must have the input's shape without the class axis "
                    + axis + ", i.e. " + Arrays.toString(expected) + " (input and target)", shape, target.shape());
        }
        int classes = shape[axis];
        int outer = axis == 0 ? 1 : shape[0];
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        double[] t = TensorData.read(target);
        int[] indices = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            double v = t[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                String where = Arrays.toString(unravel(i, expected));
                throw new IllegalArgumentException(loss + ": target " + (v == Math.rint(v) ? String.valueOf((long) v) : v)
                        + " at index " + where + " is not a class index for C = " + classes
                        + " classes (expected an integer from 0 to " + (classes - 1) + ")");
            }
            indices[i] = (int) v;
        }
        return new ClassTargets(outer, classes, inner, indices);
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    /** Flat position in the logits of class {@code c} for target entry {@code i}. */
    int position(int i, int c) {
        return ((i / inner) * classes + c) * inner + i % inner;
    }
}
