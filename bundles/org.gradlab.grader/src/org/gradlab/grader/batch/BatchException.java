package org.gradlab.grader.batch;

/** A problem with the batch's inputs that the user must fix (bad folder, seed clash, shard overlap). */
public class BatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
