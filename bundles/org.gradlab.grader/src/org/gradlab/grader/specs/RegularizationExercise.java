package org.gradlab.grader.specs;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;

/**
 * Exercise 10: inverted dropout (judged by properties, its mask being the student's own draw),
 * batch normalization (against the reference, in training and evaluation mode, with its running
 * statistics), weight initialization (judged statistically), its effect on activation statistics
 * through a deep stack, and the L2 penalty with its gradient.
 */
public final class RegularizationExercise implements ExerciseSpec {
    @Override
    public String id() {
        return "10-regularization";
    }

    @Override
    public String title() {
        return "Regularization: dropout, batch normalization, initialization";
    }

    @Override
    public List<String> studentClasses() {
        return List.of("regularization.Dropout", "regularization.BatchNorm", "regularization.Init",
                "regularization.ActivationStatistics", "regularization.L2");
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 2.0, Part.PARAMETER_GRADIENTS, 1.5,
                Part.EDGE_CASES, 1.5, Part.STATEFUL_INVARIANTS, 2.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        DropoutChecks.run(g);
        BatchNormChecks.run(g);
        InitChecks.run(g);
        ActivationStatisticsChecks.run(g);
        L2Checks.run(g);
        return g.finish("");
    }
}
