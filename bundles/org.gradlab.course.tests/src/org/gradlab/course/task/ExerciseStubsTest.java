package org.gradlab.course.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseStubsTest {
    private static final ExerciseManifest LOSSES = new ExerciseManifest("04-losses", "Losses", 10, List.of(), List.of(
            new ExerciseManifest.Implement("losses.MSELoss", List.of("forward", "backward")),
            new ExerciseManifest.Implement("losses.Regression", List.of("fit", "forward", "backward"))), null, "");
    private static final ExerciseStubs STUBS = ExerciseStubs.of(LOSSES, List.of("losses/MSELoss.java",
            "losses/Regression.java", "losses/LossSupport.java", "activations/ReLU.java", "activations/Sigmoid.java",
            "other/Sigmoid.java", "autodiff/Value.java"));

    @Test
    void classNamesPathsAndQualifiedNamesLinkTheFile() {
        for (String code : List.of("MSELoss", "losses.MSELoss", "src/losses/MSELoss.java", "losses/MSELoss.java",
                "new MSELoss()", " MSELoss ")) {
            assertEquals(Optional.of(TaskLink.toFile("losses/MSELoss.java")), STUBS.linkFor(code), code);
        }
        assertEquals(Optional.of(TaskLink.toFile("losses/LossSupport.java")), STUBS.linkFor("LossSupport"), "a helper of the package");
        assertEquals(Optional.of(TaskLink.toFile("activations/ReLU.java")), STUBS.linkFor("ReLU"), "a class of another exercise");
    }

    @Test
    void methodsLinkWhenOneClassOfTheExerciseHasThem() {
        assertEquals(Optional.of(new TaskLink("losses/Regression.java", "fit")), STUBS.linkFor("fit"));
        assertEquals(Optional.of(new TaskLink("losses/Regression.java", "fit")), STUBS.linkFor("double fit(Tensor x, Tensor y)"));
        assertEquals(Optional.of(new TaskLink("losses/Regression.java", "fit")), STUBS.linkFor("model.fit(x, y)"));
        assertEquals(Optional.of(new TaskLink("losses/MSELoss.java", "backward")), STUBS.linkFor("MSELoss.backward()"));
        assertEquals(Optional.of(new TaskLink("losses/MSELoss.java", "grad")), STUBS.linkFor("MSELoss.grad"),
                "Class.member: the class decides, listed or not");
    }

    @Test
    void everythingElseIsNotALink() {
        for (String code : List.of("backward", "forward(Tensor input)", "Sigmoid", "Tensor", "Tensor.randn(rng, n)",
                "grad = 1", "HashSet<Value>", "a.b.fit", "MEAN", "", "src/losses/Missing.java")) {
            assertEquals(Optional.empty(), STUBS.linkFor(code), "<" + code + ">");
        }
    }

    @Test
    void theExerciseFilesAreTheClassesToWriteThenTheHelpers() {
        List<ExerciseStubs.Stub> files = STUBS.exerciseFiles();
        assertEquals(List.of("losses/MSELoss.java", "losses/Regression.java", "losses/LossSupport.java"),
                files.stream().map(ExerciseStubs.Stub::file).toList());
        assertEquals(List.of(true, true, false), files.stream().map(ExerciseStubs.Stub::toImplement).toList());
        assertEquals("MSELoss", files.get(0).simpleName());
    }

    @Test
    void scanReadsTheJavaFilesUnderSrc(@TempDir Path ws) throws IOException {
        Files.createDirectories(ws.resolve("src/losses/inner"));
        Files.writeString(ws.resolve("src/losses/MSELoss.java"), "class MSELoss {}");
        Files.writeString(ws.resolve("src/losses/inner/Deep.java"), "class Deep {}");
        Files.writeString(ws.resolve("src/losses/notes.txt"), "not java");
        ExerciseStubs stubs = ExerciseStubs.scan(LOSSES, ws.resolve("src"));
        assertEquals(Optional.of(TaskLink.toFile("losses/inner/Deep.java")), stubs.linkFor("losses.inner.Deep"));
        assertEquals(List.of("losses/MSELoss.java", "losses/Regression.java"),
                stubs.exerciseFiles().stream().map(ExerciseStubs.Stub::file).toList(),
                "the manifest's classes even when a file is missing; sub-packages are not the exercise's");
        assertTrue(ExerciseStubs.scan(LOSSES, ws.resolve("absent")).exerciseFiles().size() == 2);
    }
}
