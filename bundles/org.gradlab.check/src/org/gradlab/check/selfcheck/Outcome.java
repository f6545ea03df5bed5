package org.gradlab.check.selfcheck;

/** How one checked aspect of a student class came out, worst last. */
public enum Outcome {
    /** Every case of it agreed. */
    PASSED,
    /** It still throws the stub's {@code UnsupportedOperationException("TODO…")}. */
    NOT_STARTED,
    /** A value disagreed, or the code threw. */
    FAILED,
    /** A class, constructor or method the exercise needs is not there. */
    MISSING
}
