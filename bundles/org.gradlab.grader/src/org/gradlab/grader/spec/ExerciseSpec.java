package org.gradlab.grader.spec;

import java.util.List;
import java.util.Map;

/**
 * A gradable exercise: which student classes it needs, the points of each part, and how to run
 * its hidden randomized cases. Cases are drawn from the seed, so a seed replays a run exactly.
 */
public interface ExerciseSpec {
    /** The exercise folder name, e.g. "03-activations". */
    String id();

    String title();

    /** Binary names of the student classes this exercise grades, e.g. "activations.ReLU". */
    List<String> studentClasses();

    /** Points per part; parts absent here are not scored. */
    Map<Part, Double> points();

    /**
     * Runs every check against the student's classes. Student faults become failed checks, never
     * exceptions out of this method.
     */
    ExerciseResult grade(StudentCode code, long seed);
}
