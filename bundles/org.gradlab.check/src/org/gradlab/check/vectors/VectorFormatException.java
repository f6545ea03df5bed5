package org.gradlab.check.vectors;

/** A test-vector file or case does not follow the format; the message says where and what. */
public class VectorFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VectorFormatException(String message) {
        super(message);
    }
}
