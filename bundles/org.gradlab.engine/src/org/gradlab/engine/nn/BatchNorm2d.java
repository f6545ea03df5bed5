package org.gradlab.engine.nn;

import org.gradlab.core.DType;

/** {@link BatchNorm} for (N, C, H, W) inputs, as {@code torch.nn.BatchNorm2d}. */
public final class BatchNorm2d extends BatchNorm {
    public BatchNorm2d(DType dtype, int numFeatures, double eps, double momentum) {
        super("BatchNorm2d", 4, 4, "(N, C, H, W)", dtype, numFeatures, eps, momentum);
    }

    /** FLOAT64, eps 1e-5, momentum 0.1. */
    public BatchNorm2d(int numFeatures) {
        this(DType.FLOAT64, numFeatures, 1e-5, 0.1);
    }
}
