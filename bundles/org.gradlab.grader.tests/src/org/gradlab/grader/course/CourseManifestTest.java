package org.gradlab.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.specs.ExerciseCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exercise.json agrees with its grader spec: id, title, points (the parts' total), student classes. */
class CourseManifestTest {
    private static final CourseSources COURSE = CourseSources.find();

    static List<ExerciseSpec> specs() {
        return ExerciseCatalog.all();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void manifestAgreesWithTheSpec(ExerciseSpec spec) throws IOException {
        ExerciseManifest m = ExerciseManifest.read(COURSE.exercise(spec.id()));
        assertEquals(spec.id(), m.id());
        assertEquals(spec.title(), m.title());
        assertEquals(spec.points().values().stream().mapToDouble(Double::doubleValue).sum(), m.points(), 1e-12);
        assertTrue(m.classNames().containsAll(spec.studentClasses()), m.classNames() + " lacks some of "
                + spec.studentClasses());
        assertEquals(List.of(), CourseValidator.manifestProblems(spec, m));
        assertTrue(m.buildsOn().containsAll(COURSE.dependencies(spec.id())), "the classes of "
                + COURSE.dependencies(spec.id()) + " are used, so builds_on must list them: " + m.buildsOn());
    }

    @Test
    void aLaterExerciseCompilesOnTheSolutionsItUses() {
        assertEquals(List.of("03-activations", "04-losses", "05-fully-connected", "06-optimizers", "07-convolution",
                "08-pooling"), COURSE.dependencies("13-memorization"));
        assertEquals(List.of(), COURSE.dependencies("03-activations"));
        List<Path> layers = COURSE.solution("13-memorization");
        // each solution is its stubs (with the given classes) and its own files laid over them
        assertEquals(List.of(COURSE.root().resolve("exercises/03-activations/src"),
                COURSE.root().resolve("exercises/solutions/03-activations/src")), layers.subList(0, 2));
        assertEquals(List.of(COURSE.root().resolve("exercises/13-memorization/src"),
                COURSE.root().resolve("exercises/solutions/13-memorization/src")),
                layers.subList(layers.size() - 2, layers.size()));
    }

    @Test
    void everyManifestHasASpec() throws IOException {
        for (Path dir : SelfCheckRunner.exercises(COURSE.exercises())) {
            String id = ExerciseManifest.read(dir).id();
            assertTrue(ExerciseCatalog.byId(id).isPresent(), id + " has an exercise.json but no spec");
        }
    }

    @Test
    void disagreementsAreNamed() throws IOException {
        ExerciseSpec spec = ExerciseCatalog.byId("05-fully-connected").orElseThrow();
        ExerciseManifest m = ExerciseManifest.read(COURSE.exercise("05-fully-connected"));
        ExerciseManifest wrong = new ExerciseManifest("05-fc", "FC", 9, m.buildsOn(), List.of(), m.vectors(),
                m.vectorsSource());
        assertEquals(List.of("id \"05-fc\" but the spec's is \"05-fully-connected\"",
                "title \"FC\" but the spec's is \"Fully connected layer\"",
                "points 9.0 but the spec's parts add up to 10.0",
                "\"implement\" lacks the graded classes [linear.Linear, linear.TwoLayerNet]"),
                CourseValidator.manifestProblems(spec, wrong));
    }
}
