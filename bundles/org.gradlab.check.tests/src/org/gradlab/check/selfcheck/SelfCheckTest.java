package org.gradlab.check.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SelfCheckTest {
    private static final String ACTIVATIONS = "03-activations";

    static List<String> exercises() throws IOException {
        return SelfCheckRunner.exercises(CourseClasses.root().resolve("exercises")).stream()
                .map(p -> p.getFileName().toString()).toList();
    }

    private static ExerciseReport check(String id, ClassLoader loader) throws IOException {
        return SelfCheck.check(CourseClasses.exercise(id), loader);
    }

    private static Item item(ExerciseReport r, String simpleName, String aspect) {
        ClassReport c = r.classes().stream().filter(x -> x.simpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no class " + simpleName + " in " + String.join("\n",
                        ReportText.lines(r))));
        return c.items().stream().filter(i -> i.aspect().equals(aspect)).findFirst()
                .orElseThrow(() -> new AssertionError("no aspect " + aspect + " of " + simpleName + ": " + c));
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void theSolutionPassesEveryAspect(String id) throws IOException {
        ExerciseReport r = check(id, CourseClasses.solution(id));
        assertEquals(ExerciseReport.Status.PASSED, r.status(), () -> String.join("\n", ReportText.lines(r)));
        assertFalse(r.classes().isEmpty());
        assertTrue(r.notes().isEmpty(), r.notes()::toString);
        assertTrue(r.classes().stream().allMatch(ClassReport::done));
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void untouchedStubsAreNotStartedNeverAStackTrace(String id) throws IOException {
        ExerciseReport r = check(id, CourseClasses.stubs(id));
        assertEquals(ExerciseReport.Status.NOT_STARTED, r.status(), () -> String.join("\n", ReportText.lines(r)));
        for (ClassReport c : r.classes()) {
            for (Item i : c.items()) {
                assertEquals(Outcome.NOT_STARTED, i.outcome(), c.className() + " " + i);
                assertTrue(i.detail().startsWith("not started: TODO"), i.detail());
            }
        }
        assertEquals(List.of(r.id() + "  " + r.title() + ": not started"), ReportText.lines(r));
    }

    @Test
    void aWrongBackwardNamesTheCaseTensorWorstElementAndMistake() throws IOException {
        ExerciseReport r = check(ACTIVATIONS, CourseClasses.variant(ACTIVATIONS, "sigmoid-backward-sign"));
        assertEquals(ExerciseReport.Status.FAILED, r.status());
        assertEquals(Outcome.PASSED, item(r, "Sigmoid", "forward").outcome());
        Item backward = item(r, "Sigmoid", "backward");
        assertEquals(Outcome.FAILED, backward.outcome());
        assertTrue(backward.detail().startsWith("sigmoid/2d: grad input: mismatch, worst element ["),
                backward.detail());
        assertTrue(backward.diagnosis().startsWith("sign flipped"), backward.diagnosis());
        assertEquals(2, backward.failed());
        assertEquals(Outcome.FAILED, item(r, "Sigmoid", "numeric gradient").outcome());
        assertTrue(r.classes().stream().filter(c -> !c.simpleName().equals("Sigmoid")).allMatch(ClassReport::done));
        String text = String.join("\n", ReportText.lines(r));
        assertTrue(text.contains("Sigmoid     ✓ forward  ✗ backward  ✗ numeric gradient"), text);
        assertTrue(text.contains("✗ backward [2 of 2 cases]: sigmoid/2d: grad input: mismatch")
                && text.contains("— diagnosis: sign flipped"), text);
    }

    @Test
    void aFactorMistakeIsNamed() throws IOException {
        ExerciseReport r = check("05-fully-connected", CourseClasses.variant("05-fully-connected",
                "grad-divided-by-batch"));
        Item backward = item(r, "Linear", "backward");
        assertEquals(Outcome.FAILED, backward.outcome());
        assertTrue(backward.diagnosis().contains("factor of 1/") && backward.diagnosis().contains("the batch size"),
                backward.diagnosis());
    }

    @Test
    void whatIsWrittenPassesWhileTheRestIsInProgress() throws IOException {
        String relu = Files.readString(CourseClasses.root().resolve(
                "exercises/solutions/03-activations/src/activations/ReLU.java"));
        ClassLoader loader = CourseClasses.compiled("relu-only", CourseClasses.layers(ACTIVATIONS,
                CourseClasses.exercise(ACTIVATIONS).resolve("src")), Map.of("activations/ReLU.java", relu));
        ExerciseReport r = check(ACTIVATIONS, loader);
        assertEquals(ExerciseReport.Status.IN_PROGRESS, r.status());
        assertTrue(r.classes().stream().filter(c -> c.simpleName().equals("ReLU")).allMatch(ClassReport::done));
        assertEquals(Outcome.NOT_STARTED, r.classes().stream().filter(c -> c.simpleName().equals("Tanh")).findFirst()
                .orElseThrow().outcome());
        assertTrue(ReportText.lines(r).contains("  Tanh        not started"), ReportText.lines(r)::toString);
        assertFalse(r.status().ok());
    }

    @Test
    void aMissingConstructorIsAClearMessage() throws IOException {
        String prelu = """
                package activations;
                import org.gradlab.core.*;
                public final class PReLU implements Layer {
                    public PReLU(double slope) { }
                    public Tensor forward(Tensor x) { return x; }
                    public Tensor backward(Tensor g) { return g; }
                }
                """;
        ExerciseReport r = check(ACTIVATIONS, CourseClasses.compiled("prelu-double", List.of(
                CourseClasses.exercise(ACTIVATIONS).resolve("src")), Map.of("activations/PReLU.java", prelu)));
        ClassReport c = r.classes().stream().filter(x -> x.simpleName().equals("PReLU")).findFirst().orElseThrow();
        assertEquals(Outcome.MISSING, c.outcome());
        assertTrue(ReportText.lines(r).contains(
                "  PReLU       ✗ missing: activations.PReLU needs a public constructor PReLU(int)"),
                ReportText.lines(r)::toString);
        assertEquals(ExerciseReport.Status.FAILED, r.status());
    }

    @Test
    void aMissingClassIsAClearMessage() throws IOException {
        Path src = Files.createTempDirectory("gradlab-no-relu");
        try (Stream<Path> s = Files.list(CourseClasses.exercise(ACTIVATIONS).resolve("src/activations"))) {
            Files.createDirectories(src.resolve("activations"));
            for (Path f : s.filter(f -> !f.getFileName().toString().equals("ReLU.java")).toList()) {
                Files.copy(f, src.resolve("activations").resolve(f.getFileName()));
            }
        }
        ExerciseReport r = check(ACTIVATIONS, CourseClasses.compiled("no-relu", List.of(src), Map.of()));
        Item i = r.classes().stream().filter(x -> x.simpleName().equals("ReLU")).findFirst().orElseThrow().items()
                .get(0);
        assertEquals(Outcome.MISSING, i.outcome());
        assertEquals("class activations.ReLU is missing", i.detail());
    }

    @Test
    void anExceptionFromStudentCodeSaysWhatAndWhere() throws IOException {
        String relu = """
                package activations;
                import org.gradlab.core.*;
                public final class ReLU implements Layer {
                    public Tensor forward(Tensor x) {
                        throw new IllegalStateException("oops");
                    }
                    public Tensor backward(Tensor g) { return g; }
                }
                """;
        ExerciseReport r = check(ACTIVATIONS, CourseClasses.compiled("relu-throws", List.of(
                CourseClasses.exercise(ACTIVATIONS).resolve("src")), Map.of("activations/ReLU.java", relu)));
        Item forward = item(r, "ReLU", "forward");
        assertEquals(Outcome.FAILED, forward.outcome());
        assertEquals("relu/2d: threw java.lang.IllegalStateException: oops at activations.ReLU.forward(ReLU.java:5)",
                forward.detail());
    }

    @Test
    void aRecursiveTopologicalSortIsCaughtOnADeepGraph() throws IOException {
        ExerciseReport r = check("01-autodiff", CourseClasses.variant("01-autodiff", "recursive-topological-sort"));
        Item deep = item(r, "Value", "deep graph");
        assertEquals(Outcome.FAILED, deep.outcome());
        assertTrue(deep.diagnosis().contains("explicit stack"), deep.diagnosis());
        assertEquals(Outcome.PASSED, item(r, "Value", "backward").outcome());
    }

    @Test
    void anEndlessLoopTimesOutWithoutStoppingTheNextExercise() throws IOException {
        // loops until interrupted, so the abandoned thread does not spin on through the other tests
        String relu = """
                package activations;
                import org.gradlab.core.*;
                public final class ReLU implements Layer {
                    public Tensor forward(Tensor x) {
                        while (true) {
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return x;
                            }
                        }
                    }
                    public Tensor backward(Tensor g) { return g; }
                }
                """;
        ClassLoader loader = CourseClasses.compiled("relu-loops", List.of(CourseClasses.exercise(ACTIVATIONS)
                .resolve("src")), Map.of("activations/ReLU.java", relu));
        long t0 = System.nanoTime();
        ExerciseReport r = SelfCheckRunner.run(CourseClasses.exercise(ACTIVATIONS), loader, Duration.ofMillis(700));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ExerciseReport.Status.TIMED_OUT, r.status());
        assertEquals(List.of("timed out after 0.7 s (infinite loop?): the check of this exercise was abandoned"),
                r.notes());
        assertTrue(seconds < 5, "took " + seconds + " s");
        assertEquals(List.of("03-activations  Activation functions: TIMED OUT",
                "    timed out after 0.7 s (infinite loop?): the check of this exercise was abandoned"),
                ReportText.lines(r));
        ExerciseReport next = SelfCheckRunner.run(CourseClasses.exercise("05-fully-connected"),
                CourseClasses.solution("05-fully-connected"), SelfCheckRunner.DEFAULT_TIMEOUT);
        assertEquals(ExerciseReport.Status.PASSED, next.status());
    }

    @Test
    void aFolderWithoutExerciseJsonIsReportedNotThrown() throws IOException {
        Path empty = Files.createTempDirectory("gradlab-not-an-exercise");
        ExerciseReport r = SelfCheckRunner.run(empty, getClass().getClassLoader(), Duration.ofSeconds(5));
        assertEquals(ExerciseReport.Status.FAILED, r.status());
        assertTrue(r.notes().get(0).contains("exercise.json: no such file"), r.notes().toString());
    }
}
