package org.gradlab.engine.nn;

import org.gradlab.core.DType;

/** {@link BatchNorm} for (N, C) or (N, C, L) inputs, as {@code torch.nn.BatchNorm1d}. */
public final class BatchNorm1d extends BatchNorm {
    public BatchNorm1d(DType dtype, int numFeatures, double eps, double momentum) {
        super("BatchNorm1d", 2, 3, "(N, C) or (N, C, L)", dtype, numFeatures, eps, momentum);
    }

    /** FLOAT64, eps 1e-5, momentum 0.1. */
    public BatchNorm1d(int numFeatures) {
        this(DType.FLOAT64, numFeatures, 1e-5, 0.1);
    }
}
