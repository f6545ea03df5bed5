package org.gradlab.grader.run;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;

/** Results the runner makes itself (no credit) and the canonical order of parts in a report. */
final class Results {
    private Results() {
    }

    /** A no-credit result: every part of the spec at 0 of its points. */
    static ExerciseResult zero(ExerciseSpec spec, Status status, String note) {
        Map<Part, Double> points = new EnumMap<>(Part.class);   // course order
        points.putAll(spec.points());
        List<PartScore> parts = points.entrySet().stream()
                .map(e -> new PartScore(e.getKey(), 0, e.getValue(), 0, 0)).toList();
        return new ExerciseResult(spec.id(), spec.title(), status, parts, List.of(), note);
    }

    /**
     * Parts in course order (forward first): a spec's points map may iterate in a per-JVM random
     * order, which would make reports of the same seed differ between runs.
     */
    static ExerciseResult normalized(ExerciseResult r) {
        List<PartScore> parts = r.parts().stream().sorted(Comparator.comparing(PartScore::part)).toList();
        return new ExerciseResult(r.id(), r.title(), r.status(), parts, r.checks(), r.note());
    }
}
