package org.gradlab.engine.nn;

import java.util.Arrays;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/** The checks every layer repeats, with the wording the project uses for them. */
final class LayerChecks {
    private LayerChecks() {
    }

    /** Throws unless {@code forward} has run (its cache is non-null). */
    static void forwardDone(String layer, Object cache) {
        if (cache == null) {
            throw new IllegalStateException(layer + ": backward called before forward");
        }
    }

    /** grad_output must have the shape the last forward returned. */
    static void gradShape(String layer, Tensor gradOutput, int[] outputShape) {
        if (!Arrays.equals(gradOutput.shape(), outputShape)) {
            throw ShapeMismatchException.of(layer, "grad_output shape differs from the output shape of forward",
                    gradOutput.shape(), outputShape);
        }
    }

    /** e.g. "Maxout: input expected at least 2 dimensions (N, C, ...), got shape [5]". */
    static ShapeMismatchException badInput(String layer, String expected, int[] shape) {
        return new ShapeMismatchException(layer + ": input expected " + expected + ", got shape "
                + Arrays.toString(shape));
    }
}
