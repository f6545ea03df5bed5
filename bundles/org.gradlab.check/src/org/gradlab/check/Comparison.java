package org.gradlab.check;

/**
 * The outcome of comparing one tensor against an expected one: whether it passed, the largest
 * error relative to the expected tensor's largest magnitude, and a message
 * that names the tensor, the worst element, expected vs actual and the relative error.
 */
public record Comparison(String name, boolean passed, double worstRelativeError, String message) {

    /** Throws an {@link AssertionError} with the message unless the comparison passed. */
    public Comparison orThrow() {
        if (!passed) {
            throw new AssertionError(message);
        }
        return this;
    }
}
