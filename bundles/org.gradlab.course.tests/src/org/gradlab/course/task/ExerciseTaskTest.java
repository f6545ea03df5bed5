package org.gradlab.course.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseTaskTest {

    /** A workspace like gradlab new-workspace makes, with two of the course's exercises. */
    private static Path workspace(Path ws) throws IOException {
        for (String id : List.of("01-autodiff", "03-activations")) {
            Path dir = Files.createDirectories(ws.resolve("exercises").resolve(id));
            Files.copy(Course.exercise(id).resolve("README.md"), dir.resolve("README.md"));
            Files.copy(Course.exercise(id).resolve("exercise.json"), dir.resolve("exercise.json"));
        }
        Files.createDirectories(ws.resolve("src/autodiff"));
        Files.copy(Course.exercise("01-autodiff").resolve("src/autodiff/Value.java"), ws.resolve("src/autodiff/Value.java"));
        return ws;
    }

    @Test
    void loadsAnExerciseOfAWorkspace(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        ExerciseTask task = ExerciseTask.load(ws, "01-autodiff");
        assertEquals("Scalar reverse-mode autodiff", task.manifest().title());
        assertTrue(task.markdown().startsWith("# 01 — Scalar reverse-mode autodiff"));
        assertEquals(ws.resolve("exercises/01-autodiff"), task.dir());
        assertEquals("autodiff/Value.java", task.stubs().exerciseFiles().get(0).file());
        assertEquals(List.of("01-autodiff", "03-activations"), ExerciseTask.exerciseIds(ws));
    }

    @Test
    void aMissingExerciseSaysWhatWasExpectedAndWhatIsThere(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        TaskNotFoundException e = assertThrows(TaskNotFoundException.class, () -> ExerciseTask.load(ws, "99-nothing"));
        assertEquals("No exercise \"99-nothing\" in " + ws + ": expected the folder exercises/99-nothing;"
                + " the exercises there are 01-autodiff, 03-activations", e.getMessage());
        assertThrows(TaskNotFoundException.class, () -> ExerciseTask.load(ws, "../exercises/01-autodiff"));
        TaskNotFoundException none = assertThrows(TaskNotFoundException.class,
                () -> ExerciseTask.load(tmp.resolve("empty"), "01-autodiff"));
        assertTrue(none.getMessage().endsWith("there is no exercise at all (no exercises/*/exercise.json)"), none.getMessage());
    }

    @Test
    void aMissingReadmeOrABrokenManifestNamesTheFile(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        Files.delete(ws.resolve("exercises/01-autodiff/README.md"));
        TaskNotFoundException noText = assertThrows(TaskNotFoundException.class, () -> ExerciseTask.load(ws, "01-autodiff"));
        assertEquals("Exercise 01-autodiff has no task text: expected " + ws.resolve("exercises/01-autodiff/README.md"),
                noText.getMessage());

        Files.writeString(ws.resolve("exercises/03-activations/exercise.json"), "{\"id\": \"03\", ");
        TaskNotFoundException broken = assertThrows(TaskNotFoundException.class, () -> ExerciseTask.load(ws, "03-activations"));
        assertTrue(broken.getMessage().startsWith("Exercise 03-activations: cannot read "
                + ws.resolve("exercises/03-activations/exercise.json") + ": "), broken.getMessage());
    }
}
