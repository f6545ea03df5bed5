package org.gradlab.engine.train;

import java.util.OptionalDouble;

/**
 * One epoch's results. {@code trainLoss} and {@code trainAccuracy} average the mini-batches as they
 * were trained (training mode, weights changing during the epoch), as a typical PyTorch loop logs them;
 * the test figures, present when a test set was given, are measured afterwards in evaluation mode.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, OptionalDouble testLoss,
        OptionalDouble testAccuracy) {
}
