package org.gradlab.core;

import java.util.Arrays;

/** Shape arithmetic shared by tensor ops: element counts, strides, axes, broadcasting. */
public final class Shapes {
    private Shapes() {
    }

    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape)
                    + " has " + n + " elements; at most " + Integer.MAX_VALUE + " fit in one array");
        }
        return (int) n;
    }

    /** Row-major strides (in elements). */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Resolves a possibly negative axis against a rank, naming the op when it is out of range. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank "
                    + rank + " (expected " + (-rank) + " to " + (rank - 1) + ")");
        }
        return a;
    }

    /** The NumPy/PyTorch broadcast of two shapes. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw ShapeMismatchException.of(op, "shapes cannot be broadcast together", a, b);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * For each element of {@code outShape} (row-major), the flat index of the element of a
     * tensor of shape {@code shape} that broadcasting maps to it.
     */
    public static int[] broadcastIndex(int[] shape, int[] outShape) {
        int rank = outShape.length;
        int offset = rank - shape.length;
        int[] srcStrides = new int[rank];
        int[] strides = strides(shape);
        for (int i = 0; i < shape.length; i++) {
            srcStrides[i + offset] = shape[i] == 1 ? 0 : strides[i];
        }
        return stridedIndex(outShape, srcStrides);
    }

    /**
     * Walks {@code outShape} in row-major order and gives, for each position, the source offset
     * Σ counter[d]·srcStrides[d]: the gather map behind broadcasting (stride 0 on expanded axes)
     * and permutation (permuted strides).
     */
    public static int[] stridedIndex(int[] outShape, int[] srcStrides) {
        int n = numel(outShape);
        int rank = outShape.length;
        int[] index = new int[n];
        int[] counter = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            index[i] = src;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                src += srcStrides[d];
                if (counter[d] < outShape[d]) {
                    break;
                }
                src -= srcStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return index;
    }

    /** Checks that every dimension is non-negative. */
    public static int[] checked(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + Arrays.toString(shape));
            }
        }
        return shape.clone();
    }
}
