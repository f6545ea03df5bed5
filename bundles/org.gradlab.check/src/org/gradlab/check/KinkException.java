package org.gradlab.check;

import java.util.Arrays;

/**
 * A finite-difference probe crossed a point where the function is not differentiable (ReLU at 0,
 * a max-pool tie, a hinge at its margin): its one-sided slopes disagree. Callers redraw the input
 * instead of reporting a false gradient failure.
 */
public class KinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int[] index;

    public KinkException(int[] index, double leftSlope, double rightSlope) {
        super("non-differentiable point at input " + Arrays.toString(index) + ": one-sided slopes " + leftSlope
                + " and " + rightSlope + " differ");
        this.index = index.clone();
    }

    public int[] index() {
        return index.clone();
    }
}
