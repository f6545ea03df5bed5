package org.gradlab.grader.spec;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The parts an exercise is scored in; each spec gives points to the parts it tests. */
public enum Part {
    FORWARD("forward"),
    INPUT_GRADIENT("input gradient"),
    PARAMETER_GRADIENTS("parameter gradients"),
    EDGE_CASES("edge cases"),
    STATEFUL_INVARIANTS("stateful invariants");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * An exercise's points table, e.g. {@code Part.points(Map.of(Part.FORWARD, 3.0, …))}, as an
     * unmodifiable map in course order (the order its parts are scored and reported in).
     */
    public static Map<Part, Double> points(Map<Part, Double> points) {
        return Collections.unmodifiableMap(new EnumMap<>(points));
    }
}
