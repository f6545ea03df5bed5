package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gradlab.check.SourceLayers;
import org.gradlab.grader.course.CourseSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final CourseSources COURSE = CourseSources.find();
    private static final String FORWARD = "public Tensor forward(Tensor input) {";

    private static Path workspace(Path tmp) {
        Path ws = tmp.resolve("ws");
        CliRun r = CliRun.of("new-workspace", ws.toString());
        assertEquals(0, r.status(), r.all());
        return ws;
    }

    /** Copies the course's solution of an exercise (and optionally one variant's files) into the workspace. */
    private static void solve(Path ws, String id, String variant) throws IOException {
        List<Path> layers = variant == null ? COURSE.solution(id) : COURSE.variant(id, variant);
        for (Path layer : layers) {
            SourceLayers.overlay(layer, ws.resolve("src"));
        }
    }

    /** Puts {@code statements} first in the method that {@code signature} opens in the student file. */
    private static void startMethodWith(Path file, String signature, String statements) throws IOException {
        String source = Files.readString(file);
        assertTrue(source.contains(signature), file + " has no " + signature);
        Files.writeString(file, source.replace(signature, signature + "\n        " + statements));
    }

    private static List<String> lines(CliRun r) {
        return List.of(r.out().split("\n"));
    }

    @Test
    void aFreshWorkspaceIsNotStartedEverywhere(@TempDir Path tmp) {
        Path ws = workspace(tmp);
        CliRun r = CliRun.of("check", ws.toString());
        assertEquals(0, r.status(), r.all());
        List<String> lines = lines(r);
        assertTrue(lines.contains("03-activations  Activation functions: not started"), r.out());
        assertTrue(lines.contains("01-autodiff  Scalar reverse-mode autodiff: not started"), r.out());
        long exercises = lines.stream().filter(l -> l.matches("\\d\\d-\\S+  .*")).count();
        assertTrue(lines.stream().filter(l -> l.matches("\\d\\d-\\S+  .*")).allMatch(l -> l.endsWith(": not started")),
                r.out());
        assertTrue(r.out().contains("check: " + exercises + " exercises: " + exercises + " not started ("), r.out());
        assertTrue(r.out().contains("nothing started yet"), r.out());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    @Test
    void aSolvedExercisePasses(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        solve(ws, "03-activations", null);
        CliRun r = CliRun.of("check", ws.toString());
        assertEquals(0, r.status(), r.all());
        assertTrue(lines(r).contains("03-activations  Activation functions: passed"), r.out());
        assertTrue(lines(r).contains("  ReLU        ✓ forward  ✓ backward  ✓ numeric gradient"), r.out());
        assertTrue(lines(r).contains("04-losses  Loss functions: not started"), r.out());
        assertFalse(r.out().contains("nothing started yet"), r.out());
        CliRun only = CliRun.of("check", ws.toString(), "--exercise", "03-activations");
        assertEquals(0, only.status(), only.all());
        assertFalse(only.out().contains("04-losses"), only.out());
        assertTrue(only.out().contains("check: 1 exercise: 1 passed ("), only.out());
    }

    @Test
    void aKnownMistakeNamesTheTensorAndTheDiagnosis(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        solve(ws, "03-activations", "sigmoid-backward-sign");
        CliRun r = CliRun.of("check", ws.toString(), "--exercise", "03-activations");
        assertEquals(1, r.status(), r.all());
        assertTrue(lines(r).contains("03-activations  Activation functions: FAILED"), r.out());
        assertTrue(lines(r).contains("  Sigmoid     ✓ forward  ✗ backward  ✗ numeric gradient"), r.out());
        String failure = lines(r).stream().filter(l -> l.strip().startsWith("✗ backward")).findFirst().orElseThrow();
        assertTrue(failure.contains("sigmoid/2d: grad input: mismatch, worst element ["), failure);
        assertTrue(failure.contains(" — diagnosis: sign flipped"), failure);
    }

    @Test
    void aCompileErrorIsShownWithFileAndLineWhileOtherExercisesAreChecked(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        solve(ws, "03-activations", null);
        startMethodWith(ws.resolve("src/losses/MSELoss.java"), "public double forward(Tensor input, Tensor target) {",
                "int oops = \"text\";");
        CliRun r = CliRun.of("check", ws.toString());
        assertEquals(1, r.status(), r.all());
        assertTrue(lines(r).contains("04-losses  Loss functions: does not compile"), r.out());
        assertTrue(r.out().matches("(?s).*\n    src/losses/MSELoss\\.java:\\d+: error: Type mismatch: cannot convert"
                + " from String to int\n.*"), r.out());
        assertTrue(lines(r).contains("03-activations  Activation functions: passed"), r.out());
        assertTrue(lines(r).contains("05-fully-connected  Fully connected layer: not started"), r.out());
    }

    @Test
    void anEndlessLoopTimesOutAndTheOthersAreStillChecked(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        solve(ws, "03-activations", null);
        solve(ws, "05-fully-connected", null);
        // sleeps in the loop (interruptible), so the abandoned thread does not spin through the rest of the tests
        startMethodWith(ws.resolve("src/linear/Linear.java"), FORWARD, "while (input != null) {\n            try {\n"
                + "                Thread.sleep(5);\n            } catch (InterruptedException e) {\n"
                + "                break;\n            }\n        }");
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("check", ws.toString(), "--timeout", "1");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, r.status(), r.all());
        assertTrue(lines(r).contains("05-fully-connected  Fully connected layer: TIMED OUT"), r.out());
        assertTrue(lines(r).contains("    timed out after 1 s (infinite loop?): the check of this exercise was"
                + " abandoned"), r.out());
        assertTrue(lines(r).contains("03-activations  Activation functions: passed"), r.out());
        assertTrue(lines(r).contains("06-optimizers  Optimizers: not started"), r.out());
        assertTrue(seconds < 30, seconds + " s");
    }

    @Test
    void aStudentSystemExitFailsThatExerciseAndTheOthersAreStillChecked(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        solve(ws, "03-activations", null);
        solve(ws, "04-losses", null);
        startMethodWith(ws.resolve("src/activations/ReLU.java"), FORWARD, "System.exit(3);");
        CliRun r = CliRun.of("check", ws.toString());
        assertEquals(1, r.status(), r.all());
        List<String> lines = lines(r);
        int failed = lines.indexOf("03-activations  Activation functions: FAILED");
        assertTrue(failed > 0, r.out());
        assertEquals("    the check JVM died (exit 3) during 03-activations (does your code call System.exit or crash"
                + " the JVM?); the exercises after it are checked in a new JVM", lines.get(failed + 1));
        // the exercises before it in the first JVM, those after it in a second one
        assertTrue(lines.indexOf("02-mlp-backprop  Backprop by hand for an L-layer sigmoid MLP: not started") < failed, r.out());
        assertTrue(lines.indexOf("04-losses  Loss functions: passed") > failed, r.out());
        assertTrue(lines.contains("13-memorization  Memorization (Zhang et al. 2017) at CPU scale: not started"), r.out());
        long exercises = lines.stream().filter(l -> l.matches("\\d\\d-\\S+  .*")).count();
        assertEquals(13, exercises, r.out());
        assertTrue(r.out().contains("check: 13 exercises: 1 passed, 11 not started, 1 failed ("), r.out());
    }

    @Test
    void whatTheStudentsCodePrintsIsShownMarkedUnderItsExercise(@TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp);
        solve(ws, "03-activations", null);
        startMethodWith(ws.resolve("src/activations/ReLU.java"), FORWARD,
                "System.out.println(\"relu in: \" + input.numel());");
        CliRun r = CliRun.of("check", ws.toString(), "--exercise", "03-activations");
        assertEquals(0, r.status(), r.all());
        List<String> lines = lines(r);
        int header = lines.indexOf("output of your code during 03-activations:");
        int report = lines.indexOf("03-activations  Activation functions: passed");
        assertTrue(header >= 0 && header < report, r.out());
        List<String> printed = lines.subList(header + 1, report);
        assertFalse(printed.isEmpty(), r.out());
        assertTrue(printed.stream().allMatch(l -> l.matches("  \\| relu in: \\d+")), r.out());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("output of ")).count(), r.out());
    }

    @Test
    void badArgumentsAndForeignFolders(@TempDir Path tmp) {
        CliRun notWs = CliRun.of("check", tmp.toString());
        assertEquals(2, notWs.status());
        assertTrue(notWs.err().contains("is not a GradLab workspace"), notWs.err());
        Path ws = workspace(tmp);
        CliRun unknown = CliRun.of("check", ws.toString(), "--exercise", "99-nothing");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no exercise 99-nothing"), unknown.err());
        assertEquals(2, CliRun.of("check", ws.toString(), "--timeout").status());
        CliRun zero = CliRun.of("check", ws.toString(), "--timeout", "0");
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("--timeout needs a positive number of seconds, got 0"), zero.err());
    }
}
