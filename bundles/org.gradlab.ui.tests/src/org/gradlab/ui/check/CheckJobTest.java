package org.gradlab.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.gradlab.check.run.CheckRequest;
import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.gradlab.ui.tests.EventLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Check job end to end in the workbench's workspace: JDT builds a GradLab project with 01-autodiff
 * and 03-activations, the check runs in its own JVM, reports, markers and history come back.
 */
class CheckJobTest {
    static final String AUTODIFF = "01-autodiff";
    static final String ACTIVATIONS = "03-activations";
    static final String SIGMOID = "activations/Sigmoid.java";

    private static GradLabTestProject ws;
    private static RecordingRunner runner;

    @BeforeAll
    static void project() throws Exception {
        ws = GradLabTestProject.create("check-job", AUTODIFF, ACTIVATIONS);
        runner = RecordingRunner.install(Duration.ofSeconds(20));
    }

    @AfterAll
    static void reset() {
        RecordingRunner.uninstall();
    }

    @BeforeEach
    void stubs() throws Exception {
        ws.resetToStubs();
        runner.clear();
    }

    static CheckRunRecord check(CheckTarget target, Duration within) {
        CheckJob job = CheckService.get().check(target);
        EventLoop.until(() -> job.getState() == Job.NONE && job.record().finished(), within,
                "check of " + target.label());
        return job.record();
    }

    static ExerciseReport report(CheckRunRecord run, String id) {
        return run.reports().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no report of " + id + " in " + run.reports()));
    }

    static Item aspect(ExerciseReport r, String className, String aspect) {
        ClassReport c = r.classes().stream().filter(x -> x.className().equals(className)).findFirst()
                .orElseThrow(() -> new AssertionError("no class " + className + " in " + r));
        return c.items().stream().filter(i -> i.aspect().equals(aspect)).findFirst()
                .orElseThrow(() -> new AssertionError("no aspect " + aspect + " in " + c));
    }

    static List<IMarker> markers(IProject project) throws Exception {
        return Arrays.asList(project.findMarkers(CheckMarkers.TYPE, false, IResource.DEPTH_INFINITE));
    }

    @Test
    void stubsAreNotStartedAndTheRequestAsksForEverything() throws Exception {
        CheckRunRecord run = check(CheckTarget.all(ws.project), Duration.ofSeconds(60));

        assertNull(run.problem(), "problem");
        assertEquals(List.of(AUTODIFF, ACTIVATIONS), run.reports().stream().map(ExerciseReport::id).toList());
        assertTrue(run.reports().stream().allMatch(r -> r.status() == Status.NOT_STARTED), run.reports().toString());
        assertEquals(new CheckRunRecord.Counts(2, 2, 0, 0, 0, 2), run.counts());
        CheckRequest request = runner.requests().get(0);
        assertEquals(1, runner.requests().size());
        assertEquals(List.of(), request.exercises(), "all exercises in one request");
        assertEquals(ws.project.getLocation().toPath(), request.workspace());
        assertEquals(ws.project.getFolder("bin").getLocation().toPath(), request.classesDir());
        assertTrue(Files.isRegularFile(request.classesDir().resolve("activations/Sigmoid.class")), "JDT built bin/");
        assertEquals(List.of(), request.compileProblems());
        assertEquals(Duration.ofSeconds(20), request.perExerciseTimeout());
        assertTrue(markers(ws.project).isEmpty(), "no markers for stubs");
    }

    @Test
    void solutionPassesAndAKnownWrongSignFailsWithItsDiagnosisAndAMarkerOnBackward() throws Exception {
        ws.overlaySolution(ACTIVATIONS);
        CheckRunRecord good = check(CheckTarget.of(ws.project, ACTIVATIONS), Duration.ofSeconds(60));
        assertEquals(Status.PASSED, report(good, ACTIVATIONS).status(), report(good, ACTIVATIONS).toString());
        assertEquals(List.of(ACTIVATIONS), runner.requests().get(0).exercises());

        ws.applyVariant(ACTIVATIONS, "sigmoid-backward-sign");
        CheckRunRecord bad = check(CheckTarget.of(ws.project, ACTIVATIONS), Duration.ofSeconds(60));
        ExerciseReport r = report(bad, ACTIVATIONS);
        assertEquals(Status.FAILED, r.status());
        Item backward = r.classes().stream().filter(c -> c.className().equals("activations.Sigmoid"))
                .flatMap(c -> c.items().stream()).filter(i -> i.outcome() == Outcome.FAILED).findFirst()
                .orElseThrow(() -> new AssertionError("no failed Sigmoid aspect: " + r));
        assertEquals("backward", backward.method());
        assertNotNull(backward.diagnosis(), "diagnosis of " + backward);
        assertTrue(backward.diagnosis().contains("sign flipped"), backward.diagnosis());
        assertNotNull(backward.evidence(), "evidence of " + backward);
        assertTrue(backward.evidence().expectedValues().length > 0, "values to plot");

        List<IMarker> markers = markers(ws.project);
        assertFalse(markers.isEmpty(), "a marker for the failed Sigmoid");
        IMarker m = markers.stream().filter(x -> x.getResource().getName().equals("Sigmoid.java")).findFirst()
                .orElseThrow(() -> new AssertionError("no marker on Sigmoid.java: " + markers));
        assertEquals(ws.lineOf(SIGMOID, "public Tensor backward("), m.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));
        String message = m.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.startsWith("GradLab: ") && message.contains("sign flipped"), message);
        assertEquals(ACTIVATIONS, m.getAttribute(CheckMarkers.EXERCISE, ""));
        assertTrue(m.isSubtypeOf(IMarker.PROBLEM), "a problem marker (Problems view)");

        // fixed: the next run of the exercise takes its markers away
        ws.resetToStubs();
        ws.overlaySolution(ACTIVATIONS);
        CheckRunRecord fixed = check(CheckTarget.of(ws.project, ACTIVATIONS), Duration.ofSeconds(60));
        assertEquals(Status.PASSED, report(fixed, ACTIVATIONS).status());
        assertTrue(markers(ws.project).isEmpty(), "markers cleared: " + markers(ws.project));
    }

    @Test
    void aSyntaxErrorIsACompileErrorWithFileAndLineAndTheOtherExercisesAreStillChecked() throws Exception {
        ws.replace("activations/ReLU.java", "public final class ReLU", "public final class ReLU oops");
        int line = ws.lineOf("activations/ReLU.java", "class ReLU oops");
        CheckRunRecord run = check(CheckTarget.all(ws.project), Duration.ofSeconds(60));

        ExerciseReport broken = report(run, ACTIVATIONS);
        assertEquals(Status.COMPILE_ERROR, broken.status());
        assertTrue(broken.notes().stream().anyMatch(n -> n.startsWith("src/activations/ReLU.java:" + line + ":")),
                broken.notes().toString());
        assertEquals(Status.NOT_STARTED, report(run, AUTODIFF).status(), "01 still checked");
        assertTrue(runner.requests().get(0).compileProblems().stream()
                .anyMatch(p -> p.file().equals("activations/ReLU.java") && p.line() == line),
                runner.requests().get(0).compileProblems().toString());
    }

    @Test
    void aLoopingMethodTimesOutAndTheUiThreadKeepsRunningEvents() throws Exception {
        ws.overlaySolution(ACTIVATIONS);
        ws.replace(SIGMOID, "Tensor e = input.abs()", "while (input != null) { }\n        Tensor e = input.abs()");
        CheckService.get().use(runner, Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        CheckJob job = CheckService.get().check(CheckTarget.of(ws.project, ACTIVATIONS));
        CheckService.get().use(runner, Duration.ofSeconds(20));
        int[] ticks = { 0 };
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks[0]++;
            if (job.getState() != Job.NONE) {
                org.eclipse.swt.widgets.Display.getCurrent().timerExec(50, tick[0]);
            }
        };
        org.eclipse.swt.widgets.Display.getCurrent().timerExec(50, tick[0]);
        EventLoop.until(() -> job.getState() == Job.NONE && job.record().finished(), Duration.ofSeconds(60), "check");
        double seconds = (System.nanoTime() - t0) / 1e9;

        ExerciseReport r = report(job.record(), ACTIVATIONS);
        assertEquals(Status.TIMED_OUT, r.status(), r.toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("timed out")), r.notes().toString());
        // the UI thread ran a timer every 50 ms all along: at least one tick per second of the run
        assertTrue(ticks[0] >= (int) seconds, ticks[0] + " timer ticks in " + seconds + " s");
    }

    @Test
    void cancellingStopsTheCheckJvmAndSaysSo() throws Exception {
        ws.overlaySolution(ACTIVATIONS);
        ws.replace(SIGMOID, "Tensor e = input.abs()", "while (input != null) { }\n        Tensor e = input.abs()");
        CheckService.get().use(runner, Duration.ofSeconds(60));
        try {
            CheckJob job = CheckService.get().check(CheckTarget.all(ws.project));
            EventLoop.until(() -> job.record().running() != null && job.record().running().startsWith(ACTIVATIONS),
                    Duration.ofSeconds(60), "03-activations to start");
            long t0 = System.nanoTime();
            job.cancel();
            EventLoop.until(() -> job.getState() == Job.NONE, Duration.ofSeconds(10), "the cancelled job to end");
            assertTrue((System.nanoTime() - t0) / 1e9 < 5, "cancel takes effect within seconds");
            CheckRunRecord run = job.record();
            assertTrue(run.cancelled(), "cancelled");
            assertNull(run.problem());
            assertEquals("Cancelled after 1 of 2 exercises", run.summary());
            assertEquals(List.of(AUTODIFF), run.reports().stream().map(ExerciseReport::id).toList());
        } finally {
            CheckService.get().use(runner, Duration.ofSeconds(20));
        }
    }

    @Test
    void aProjectWithoutExercisesOrAnUnknownExerciseGivesAClearProblem() throws Exception {
        IProject plain = GradLabTestProject.createPlainJava("plain-java");
        CheckRunRecord run = check(CheckTarget.all(plain), Duration.ofSeconds(30));
        assertTrue(run.finished() && run.reports().isEmpty());
        assertEquals("Project plain-java has no exercises/ folder, so there is nothing to check: Check works on"
                + " GradLab exercise projects (File > New > GradLab Exercise Project)", run.problem());

        CheckRunRecord unknown = check(CheckTarget.of(ws.project, "99-nothing"), Duration.ofSeconds(30));
        assertEquals("Project check-job has no exercise folder exercises/99-nothing with an exercise.json;"
                + " its exercises are: 01-autodiff, 03-activations", unknown.problem());
        assertTrue(runner.requests().isEmpty(), "no check JVM started for either");
    }

    @Test
    void rerunFailedChecksBothFailedExercisesInOneJvm() throws Exception {
        ws.overlaySolution(AUTODIFF);
        ws.applyVariant(AUTODIFF, "no-chain-rule");
        ws.overlaySolution(ACTIVATIONS);
        ws.applyVariant(ACTIVATIONS, "sigmoid-backward-sign");
        CheckRunRecord all = check(CheckTarget.all(ws.project), Duration.ofSeconds(60));
        assertEquals(List.of(AUTODIFF, ACTIVATIONS), all.failedExercises(), all.reports().toString());
        runner.clear();

        // the student fixes 03 only; Rerun Failed asks for both again, in one request to one JVM
        ws.resetToStubs();
        ws.overlaySolution(AUTODIFF);
        ws.applyVariant(AUTODIFF, "no-chain-rule");
        ws.overlaySolution(ACTIVATIONS);
        CheckJob again = CheckService.get().rerunFailed(all).orElseThrow();
        EventLoop.until(() -> again.getState() == Job.NONE, Duration.ofSeconds(60), "rerun failed");
        assertEquals(1, runner.requests().size(), "one check JVM for both: " + runner.requests());
        assertEquals(List.of(AUTODIFF, ACTIVATIONS), runner.requests().get(0).exercises());
        assertEquals(List.of(AUTODIFF, ACTIVATIONS), again.record().asked());
        assertEquals(List.of(Status.FAILED, Status.PASSED),
                again.record().reports().stream().map(ExerciseReport::status).toList());
        assertEquals(List.of(AUTODIFF), again.record().failedExercises());
        assertEquals("check-job: 01-autodiff, 03-activations", again.record().label());

        runner.clear();
        CheckJob everything = CheckService.get().rerunAll(all);
        EventLoop.until(() -> everything.getState() == Job.NONE, Duration.ofSeconds(60), "rerun all");
        assertEquals(1, runner.requests().size());
        assertTrue(runner.requests().get(0).all(), "rerun all asks for all again");
    }

    @Test
    void theHistoryKeepsTheLastRunsNewestFirstAndSurvivesARestart() throws Exception {
        CheckRunRecord first = check(CheckTarget.of(ws.project, AUTODIFF), Duration.ofSeconds(60));
        ws.overlaySolution(ACTIVATIONS);
        ws.replace("activations/ReLU.java", "public Tensor forward(Tensor input) {",
                "public Tensor forward(Tensor input) { System.out.println(\"relu of \" + input.numel());");
        CheckRunRecord second = check(CheckTarget.of(ws.project, ACTIVATIONS), Duration.ofSeconds(60));
        assertTrue(second.printed() > 0, "the printing solution printed: " + second.summary());
        assertTrue(second.output().stream().allMatch(l -> l.matches("relu of \\d+")), second.output().toString());
        List<CheckRunRecord> history = CheckService.get().history();
        assertTrue(history.size() <= CheckService.HISTORY_SIZE);
        assertEquals(second, history.get(0));
        assertEquals(first, history.get(1));

        Path file = Files.createTempDirectory("gradlab-history").resolve("check-history.json");
        new CheckHistoryStore(file).save(history);
        // a restarted IDE: a new service reading the same file
        List<CheckRunRecord> restored = new CheckService(new CheckHistoryStore(file)).history();
        assertEquals(history.size(), restored.size());
        assertEquals(second.label(), restored.get(0).label());
        assertEquals(second.reports(), restored.get(0).reports(), "reports read back equal");
        assertEquals(second.started(), restored.get(0).started());
        assertEquals(second.summary(), restored.get(0).summary());
        assertEquals(second.output(), restored.get(0).output(), "printed lines read back equal");
        assertEquals(second.printed(), restored.get(0).printed());
        assertEquals(0, restored.get(1).printed(), "the stub run printed nothing");

        // a student printing in a loop: the history keeps the record's last lines and the count of all
        CheckRunRecord loud = new CheckRunRecord("loud", List.of(AUTODIFF), java.time.Instant.EPOCH);
        for (int i = 1; i <= CheckRunRecord.MAX_OUTPUT_LINES + 50; i++) {
            loud.output("step " + i);
        }
        loud.finish(false, null, Duration.ofSeconds(1));
        new CheckHistoryStore(file).save(List.of(loud));
        CheckRunRecord loudBack = new CheckHistoryStore(file).load().get(0);
        assertEquals(CheckRunRecord.MAX_OUTPUT_LINES + 50, loudBack.printed());
        assertEquals(CheckRunRecord.MAX_OUTPUT_LINES, loudBack.output().size());
        assertEquals("step 51", loudBack.output().get(0));
        assertEquals("step " + (CheckRunRecord.MAX_OUTPUT_LINES + 50), loudBack.output().get(
                CheckRunRecord.MAX_OUTPUT_LINES - 1));

        // a history saved before the output was kept still loads, without output
        Files.writeString(file, "{\"version\": 1, \"runs\": [{\"project\": \"old\", \"asked\": [],"
                + " \"started\": \"2025-01-01T00:00:00Z\", \"expected\": 0, \"cancelled\": false,"
                + " \"elapsedMillis\": 1000, \"reports\": []}]}");
        CheckRunRecord old = new CheckHistoryStore(file).load().get(0);
        assertEquals("old", old.project());
        assertEquals(List.of(), old.output());
        assertEquals(0, old.printed());

        Files.writeString(file, "{\"version\": 1, \"runs\": [ {\"project\"");
        assertEquals(List.of(), new CheckHistoryStore(file).load(), "a damaged file: empty history");
        assertTrue(Files.exists(file.resolveSibling("check-history.json.unreadable")), "damaged file kept aside");
    }
}
