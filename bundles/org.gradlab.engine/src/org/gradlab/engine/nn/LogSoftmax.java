package org.gradlab.engine.nn;

/** x − log Σ e^x along {@code dim}, via log-sum-exp with the maximum factored out. */
public final class LogSoftmax extends AxisSoftmax {
    public LogSoftmax(int dim) {
        super("LogSoftmax", dim, true);
    }
}
