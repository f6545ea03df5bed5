package org.gradlab.grader.spec;

import java.util.List;

/** The outcome of grading one exercise of one submission. */
public record ExerciseResult(String id, String title, Status status, List<PartScore> parts,
        List<CheckResult> checks, String note) {

    public double score() {
        return parts.stream().mapToDouble(PartScore::points).sum();
    }

    public double maxScore() {
        return parts.stream().mapToDouble(PartScore::maxPoints).sum();
    }

    /** A result with no credit for an exercise that could not be run at all. */
    public static ExerciseResult zero(String id, String title, Status status, List<PartScore> maxParts,
            String note) {
        List<PartScore> zeroed = maxParts.stream()
                .map(p -> new PartScore(p.part(), 0, p.maxPoints(), 0, p.total())).toList();
        return new ExerciseResult(id, title, status, zeroed, List.of(), note);
    }
}
