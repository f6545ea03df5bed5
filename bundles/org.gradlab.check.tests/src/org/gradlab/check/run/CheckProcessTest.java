package org.gradlab.check.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.gradlab.check.selfcheck.ReportText;
import org.gradlab.check.selfcheck.SelfCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check as the IDE runs it: a real child JVM over a compiled temp workspace made from the course. */
class CheckProcessTest {
    private static final String ACTIVATIONS = "03-activations";
    private static final String FORWARD = "public Tensor forward(Tensor input) {";
    private static final Duration SHORT = Duration.ofSeconds(2);

    @TempDir
    static Path shared;
    private static TestWorkspace stubs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void stubWorkspace() throws IOException {
        stubs = TestWorkspace.create(shared.resolve("stubs"));
        stubs.compile();
    }

    private static CheckRequest request(TestWorkspace ws, String exercise, Duration timeout,
            List<CompileProblem> problems) {
        return new CheckRequest(ws.dir, ws.dir.resolve("bin"), ApiClasspath.forCheck(), CheckRequest.currentJava(),
                exercise == null ? List.of() : List.of(exercise), timeout, problems);
    }

    /** Everything the listener heard, as text, in order. */
    private static final class Recorder implements CheckListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> output = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(String id, String title, int index, int total) {
            events.add("started " + id + " " + index + "/" + total);
        }

        @Override
        public void finished(ExerciseReport report) {
            events.add("finished " + report.id() + " " + report.status());
        }

        @Override
        public void output(String line) {
            output.add(line);
        }
    }

    private static ExerciseReport report(CheckRun run, String id) {
        return run.reports().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no report of " + id + " in " + run));
    }

    private static Item item(ExerciseReport r, String simpleName, String aspect) {
        ClassReport c = r.classes().stream().filter(x -> x.simpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", ReportText.lines(r))));
        return c.items().stream().filter(i -> i.aspect().equals(aspect)).findFirst()
                .orElseThrow(() -> new AssertionError("no aspect " + aspect + ": " + c));
    }

    private static String text(CheckRun run) {
        List<String> lines = new ArrayList<>();
        run.reports().forEach(r -> lines.addAll(ReportText.lines(r)));
        return String.join("\n", lines) + "\nproblem: " + run.problem();
    }

    @Test
    void untouchedStubsAreNotStartedInEveryExerciseAndTheEventsComeInOrder() {
        Recorder rec = new Recorder();
        CheckRun run = CheckProcess.run(request(stubs, null, SHORT.multipliedBy(5), List.of()), rec, () -> false);
        System.out.println("CheckProcess, 13 exercises, fresh workspace: " + run.elapsed().toMillis() + " ms");
        assertTrue(run.complete(), run::toString);
        assertEquals(13, run.reports().size());
        assertTrue(run.reports().stream().allMatch(r -> r.status() == Status.NOT_STARTED), () -> text(run));
        assertEquals("started 01-autodiff 0/13", rec.events.get(0));
        assertEquals("finished 01-autodiff NOT_STARTED", rec.events.get(1));
        assertEquals("finished 13-memorization NOT_STARTED", rec.events.get(25));
        assertEquals(26, rec.events.size());
        assertEquals(List.of(), rec.output);
    }

    @Test
    void theSolutionOfActivationsPassesWhileTheOthersAreNotStarted() throws IOException {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS);
        ws.compile();
        CheckRun run = CheckProcess.run(request(ws, null, SHORT.multipliedBy(5), List.of()), CheckListener.NONE,
                () -> false);
        System.out.println("CheckProcess, 13 exercises, 03 solved: " + run.elapsed().toMillis() + " ms");
        assertTrue(run.complete(), run::toString);
        assertEquals(Status.PASSED, report(run, ACTIVATIONS).status(), () -> text(run));
        assertEquals(12, run.reports().stream().filter(r -> r.status() == Status.NOT_STARTED).count());
        ExerciseReport passed = report(run, ACTIVATIONS);
        assertTrue(passed.classes().stream().flatMap(c -> c.items().stream()).allMatch(i -> i.evidence() == null));
    }

    @Test
    void aSignErrorFailsWithEvidenceOfTheWorstElement() throws IOException {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS).variant(ACTIVATIONS, "sigmoid-backward-sign");
        ws.compile();
        CheckRun run = CheckProcess.run(request(ws, ACTIVATIONS, SHORT.multipliedBy(5), List.of()),
                CheckListener.NONE, () -> false);
        assertTrue(run.complete(), run::toString);
        ExerciseReport r = report(run, ACTIVATIONS);
        assertEquals(Status.FAILED, r.status(), () -> text(run));
        Item backward = item(r, "Sigmoid", "backward");
        assertEquals(Outcome.FAILED, backward.outcome());
        assertEquals("backward", backward.method());
        Evidence e = backward.evidence();
        assertEquals("sigmoid/2d", e.caseName());
        assertEquals("grad input", e.tensor());
        assertTrue(e.worstIndex().matches("\\[\\d+, \\d+]"), e.worstIndex());
        assertTrue(e.expectedValues().length > 0 && e.expectedValues().length == e.actualValues().length);
        assertTrue(e.relativeError() > SelfCheck.RTOL, e::toString);
        // a flipped sign: every element is the negative of the expected one, the worst one included
        assertEquals(-e.expected(), e.actual(), 1e-9 * Math.abs(e.expected()));
        for (int i = 0; i < e.expectedValues().length; i++) {
            assertEquals(-e.expectedValues()[i], e.actualValues()[i], 1e-9);
        }
        assertTrue(backward.detail().contains(e.worstIndex()), backward.detail());
        Item numeric = item(r, "Sigmoid", "numeric gradient");
        assertEquals("backward", numeric.method());
        assertEquals("numeric gradient", numeric.evidence().expectedLabel());
        assertEquals("your backward", numeric.evidence().actualLabel());
        assertTrue(numeric.evidence().relativeError() > 1e-5, numeric.evidence()::toString);
        assertNull(item(r, "Sigmoid", "forward").evidence());
    }

    @Test
    void severalExercisesAreCheckedInOneJvmInCourseOrder() throws IOException {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS);
        ws.compile();
        // asked out of order and with a repeat: one request, the course's order, each once
        CheckRequest request = request(ws, null, SHORT.multipliedBy(5), List.of())
                .withExercises(List.of(ACTIVATIONS, "01-autodiff", ACTIVATIONS));
        assertEquals(List.of(ACTIVATIONS, "01-autodiff"), request.exercises());
        assertEquals(List.of("01-autodiff", ACTIVATIONS), request.exerciseDirs().stream()
                .map(d -> d.getFileName().toString()).toList());
        assertEquals(request.exercises(), Protocol.readRequest(Protocol.request(request)).exercises(),
                "the exercises travel to the child");
        Recorder rec = new Recorder();
        CheckRun run = CheckProcess.run(request, rec, () -> false);
        assertTrue(run.complete(), run::toString);
        assertEquals(List.of("started 01-autodiff 0/2", "finished 01-autodiff NOT_STARTED",
                "started 03-activations 1/2", "finished 03-activations PASSED"), rec.events);
        assertFalse(request.all());
        assertTrue(request.withExercises(List.of()).all());
        assertEquals(List.of(), request.withExercise(null).exercises());
    }

    @Test
    void aLoopingMethodTimesOutItsExerciseAndTheRunStillEnds() throws IOException {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS)
                .edit("activations/ReLU.java", s -> s.replace(FORWARD, FORWARD + " while (input != null) { }"));
        ws.compile();
        long t0 = System.nanoTime();
        CheckRun run = CheckProcess.run(request(ws, null, SHORT, List.of()), CheckListener.NONE, () -> false);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(run.complete(), run::toString);
        assertEquals(Status.TIMED_OUT, report(run, ACTIVATIONS).status(), () -> text(run));
        assertTrue(report(run, ACTIVATIONS).notes().get(0).startsWith("timed out after 2 s"));
        assertEquals(13, run.reports().size(), "the exercises after the loop are still checked");
        assertEquals(Status.NOT_STARTED, report(run, "04-losses").status());
        assertTrue(millis < 30_000, millis + " ms");
    }

    @Test
    void whatTheStudentPrintsArrivesAsOutputAndTheProtocolStaysIntact() throws IOException {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS)
                .edit("activations/ReLU.java", s -> s.replace(FORWARD, FORWARD
                        + " System.out.println(\"relu on {\\\"event\\\":\\\"done\\\"} \" + input.numel());"
                        + " System.err.print(\"to stderr\\n\"); System.out.print(\"{\\\"event\\\":\\\"done\\\"}\\n\");"));
        ws.compile();
        Recorder rec = new Recorder();
        CheckRun run = CheckProcess.run(request(ws, ACTIVATIONS, SHORT.multipliedBy(5), List.of()), rec, () -> false);
        assertTrue(run.complete(), run::toString);
        assertEquals(Status.PASSED, report(run, ACTIVATIONS).status(), () -> text(run));
        assertTrue(rec.output.stream().anyMatch(l -> l.matches("relu on \\{\"event\":\"done\"} \\d+")), rec.output::toString);
        assertTrue(rec.output.contains("to stderr"), rec.output::toString);
        assertTrue(rec.output.contains("{\"event\":\"done\"}"), "a printed protocol line is output, not an event");
        assertEquals(List.of("started 03-activations 0/1", "finished 03-activations PASSED"), rec.events);
    }

    @Test
    void cancellingAfterTheFirstStartKillsTheChildWithinASecond() throws Exception {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS)
                .edit("activations/ReLU.java", s -> s.replace(FORWARD, FORWARD + " while (input != null) { }"));
        ws.compile();
        AtomicReference<ProcessHandle> child = new AtomicReference<>();
        AtomicLong cancelledAt = new AtomicLong();
        CheckListener listener = new CheckListener() {
            @Override
            public void started(String id, String title, int index, int total) {
                child.compareAndSet(null, checkChild().orElse(null));
                cancelledAt.compareAndSet(0, System.nanoTime());
            }
        };
        CheckRun run = CheckProcess.run(request(ws, null, Duration.ofSeconds(30), List.of()), listener,
                () -> cancelledAt.get() != 0);
        long afterCancel = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
        assertTrue(run.cancelled(), run::toString);
        assertNull(run.problem());
        assertTrue(run.reports().size() <= 1, run::toString);
        assertTrue(afterCancel < 1000, "returned " + afterCancel + " ms after the cancel");
        assertTrue(child.get() != null, "the check JVM was not found among this JVM's children");
        child.get().onExit().get(1, TimeUnit.SECONDS);
        assertFalse(child.get().isAlive());
    }

    private static Optional<ProcessHandle> checkChild() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("")
                .contains(CheckMain.class.getName())).findFirst();
    }

    @Test
    void anExerciseWithACompileProblemIsReportedNotRun() {
        CompileProblem p = new CompileProblem("activations/ReLU.java", 12, "Tensor cannot be resolved to a type");
        assertEquals("activations", p.packageName());
        CheckRun run = CheckProcess.run(request(stubs, null, SHORT.multipliedBy(5), List.of(p)), CheckListener.NONE,
                () -> false);
        assertTrue(run.complete(), run::toString);
        ExerciseReport r = report(run, ACTIVATIONS);
        assertEquals(Status.COMPILE_ERROR, r.status());
        assertEquals(List.of("src/activations/ReLU.java:12: error: Tensor cannot be resolved to a type"), r.notes());
        assertEquals(List.of(), r.classes());
        assertEquals(12, run.reports().stream().filter(x -> x.status() == Status.NOT_STARTED).count());
    }

    @Test
    void aStudentSystemExitEndsTheRunWithAClearProblem() throws IOException {
        TestWorkspace ws = TestWorkspace.create(tmp).solve(ACTIVATIONS)
                .edit("activations/ReLU.java", s -> s.replace(FORWARD, FORWARD + " System.exit(3);"));
        ws.compile();
        CheckRun run = CheckProcess.run(request(ws, null, SHORT.multipliedBy(5), List.of()), CheckListener.NONE,
                () -> false);
        assertFalse(run.cancelled());
        assertEquals("the check JVM died (exit 3) during 03-activations", run.problem());
        assertEquals(List.of("01-autodiff", "02-mlp-backprop"), run.reports().stream().map(ExerciseReport::id).toList());
    }

    @Test
    void aJavaThatCannotStartTheCheckSaysWhyInOneLine() throws IOException {
        Path fake = tmp.resolve("java");
        Files.writeString(fake, "#!/bin/sh\necho 'Error: this is not a Java 21' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        CheckRequest r = new CheckRequest(stubs.dir, stubs.dir.resolve("bin"), ApiClasspath.forCheck(), fake, List.of(),
                SHORT, List.of());
        CheckRun run = CheckProcess.run(r, CheckListener.NONE, () -> false);
        assertEquals("the check JVM died (exit 1) before the first exercise: Error: this is not a Java 21",
                run.problem());
        assertEquals(List.of(), run.reports());
    }

    @Test
    void badRequestsAreRefusedNamingWhatIsWrong() throws IOException {
        Path noExercises = Files.createDirectories(tmp.resolve("project"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckRequest.of(noExercises, stubs.dir.resolve("bin"), ApiClasspath.forCheck()));
        assertEquals(noExercises + " is not a GradLab workspace: it has no exercises/ folder", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CheckRequest.of(stubs.dir, tmp.resolve("bin"), ApiClasspath.forCheck()));
        assertTrue(e.getMessage().startsWith("the compiled classes folder " + tmp.resolve("bin") + " does not exist"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CheckRequest.of(stubs.dir, stubs.dir.resolve("bin"),
                ApiClasspath.forCheck()).withExercise("03-activation"));
        assertTrue(e.getMessage().startsWith("there is no exercise \"03-activation\" in "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CheckRequest.of(stubs.dir, stubs.dir.resolve("bin"),
                ApiClasspath.forCheck()).withExercises(List.of("01-autodiff", "99-nothing")));
        assertTrue(e.getMessage().startsWith("there is no exercise \"99-nothing\" in "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CheckRequest.of(stubs.dir, stubs.dir.resolve("bin"),
                ApiClasspath.forCheck()).withExercise("03-activation"));
        assertTrue(e.getMessage().endsWith("the exercises are 01-autodiff, 02-mlp-backprop, 03-activations, 04-losses,"
                + " 05-fully-connected, 06-optimizers, 07-convolution, 08-pooling, 09-cnn-arithmetic, 10-regularization,"
                + " 11-recurrent, 12-attention, 13-memorization"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CheckRequest(stubs.dir, stubs.dir.resolve("bin"),
                ApiClasspath.forCheck(), CheckRequest.currentJava(), List.of(), Duration.ZERO, List.of()));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    @Test
    void theApiClasspathHoldsTheCoreAndCheckerClasses() {
        List<Path> cp = ApiClasspath.forCheck();
        assertFalse(cp.isEmpty());
        assertTrue(cp.stream().anyMatch(p -> Files.isRegularFile(p) || Files.isRegularFile(
                p.resolve("org/gradlab/core/Tensor.class"))), cp::toString);
        assertTrue(cp.stream().anyMatch(p -> Files.isRegularFile(p) || Files.isRegularFile(
                p.resolve("org/gradlab/check/run/CheckMain.class"))), cp::toString);
    }
}
