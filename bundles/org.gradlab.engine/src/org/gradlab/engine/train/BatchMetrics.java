package org.gradlab.engine.train;

/**
 * After one optimizer step: the epoch (from 1), the batch index within it (from 0), the number of
 * batches in the epoch, the batch size, its loss and its accuracy (before the step's update).
 */
public record BatchMetrics(int epoch, int batch, int batches, int size, double loss, double accuracy) {
}
