package org.gradlab.grader.specs;

import java.util.List;
import java.util.Optional;

import org.gradlab.grader.spec.ExerciseSpec;

/** Every graded exercise of the course, in course order. */
public final class ExerciseCatalog {
    private static final List<ExerciseSpec> ALL = List.of(
            new AutodiffExercise(),
            new MlpBackpropExercise(),
            new ActivationsExercise(),
            new LossesExercise(),
            new FullyConnectedExercise(),
            new OptimizersExercise(),
            new ConvolutionExercise(),
            new PoolingExercise(),
            new CnnArithmeticExercise(),
            new RegularizationExercise(),
            new RecurrentExercise(),
            new AttentionExercise(),
            new MemorizationExercise());

    private ExerciseCatalog() {
    }

    public static List<ExerciseSpec> all() {
        return ALL;
    }

    public static Optional<ExerciseSpec> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
