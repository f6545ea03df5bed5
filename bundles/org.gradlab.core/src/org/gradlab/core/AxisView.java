package org.gradlab.core;

/**
 * A row-major shape seen around one axis: {@code outer} blocks of {@code len × inner} elements.
 * Element (o, k, i) sits at {@code (o·len + k)·inner + i}; reductions, slicing, concatenation and
 * softmax-like kernels all walk a tensor this way.
 */
public record AxisView(int outer, int len, int inner) {
    /** Resolves {@code axis} (negative counts from the end); a 0-d shape counts as one element on axis 0. */
    public static AxisView of(String op, int[] shape, int axis) {
        if (shape.length == 0) {
            Shapes.axis(op, axis, 1);
            return new AxisView(1, 1, 1);
        }
        int a = Shapes.axis(op, axis, shape.length);
        int outer = 1;
        for (int d = 0; d < a; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = a + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new AxisView(outer, shape[a], inner);
    }
}
