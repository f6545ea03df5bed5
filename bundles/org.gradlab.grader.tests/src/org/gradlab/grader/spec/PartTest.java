package org.gradlab.grader.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PartTest {
    @Test
    void pointsTableIsInCourseOrderAndUnmodifiable() {
        Map<Part, Double> points = Part.points(Map.of(Part.STATEFUL_INVARIANTS, 1.0, Part.FORWARD, 3.0,
                Part.EDGE_CASES, 2.0, Part.INPUT_GRADIENT, 2.5));
        assertEquals(List.of(Part.FORWARD, Part.INPUT_GRADIENT, Part.EDGE_CASES, Part.STATEFUL_INVARIANTS),
                List.copyOf(points.keySet()));
        assertEquals(Map.of(Part.STATEFUL_INVARIANTS, 1.0, Part.FORWARD, 3.0, Part.EDGE_CASES, 2.0,
                Part.INPUT_GRADIENT, 2.5), points);
        assertThrows(UnsupportedOperationException.class, () -> points.put(Part.PARAMETER_GRADIENTS, 1.0));
    }
}
