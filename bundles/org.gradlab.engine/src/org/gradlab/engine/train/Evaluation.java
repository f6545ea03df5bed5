package org.gradlab.engine.train;

/** Loss (mean over samples) and accuracy of a model on a data set in evaluation mode. */
public record Evaluation(double loss, double accuracy, int correct, int count) {
}
