package org.gradlab.core;

import java.util.Arrays;

/** An operation got tensors whose shapes do not fit together; the message names the op and the shapes. */
public class ShapeMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) {
        super(message);
    }

    public static ShapeMismatchException of(String op, String problem, int[]... shapes) {
        StringBuilder sb = new StringBuilder(op).append(": ").append(problem);
        if (shapes.length > 0) {
            sb.append(" (shapes");
            for (int i = 0; i < shapes.length; i++) {
                sb.append(i == 0 ? " " : " and ").append(Arrays.toString(shapes[i]));
            }
            sb.append(')');
        }
        return new ShapeMismatchException(sb.toString());
    }
}
