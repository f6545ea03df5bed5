package org.gradlab.grader.spec;

/** Points of one part: its share of {@code maxPoints} is the fraction of its checks that passed. */
public record PartScore(Part part, double points, double maxPoints, int passed, int total) {
}
