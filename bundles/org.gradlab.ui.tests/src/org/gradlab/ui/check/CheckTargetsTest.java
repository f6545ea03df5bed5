package org.gradlab.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jdt.core.IType;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Check covers for each kind of selection, and the marker text. */
class CheckTargetsTest {
    private static GradLabTestProject ws;

    @BeforeAll
    static void project() throws Exception {
        ws = GradLabTestProject.create("check-targets", "01-autodiff", "03-activations");
    }

    @Test
    void aProjectChecksEverything() {
        assertEquals(CheckTarget.all(ws.project), CheckTargets.of(ws.project).orElseThrow());
        assertEquals(CheckTarget.all(ws.project), CheckTargets.of(ws.java).orElseThrow());
        assertEquals(CheckTarget.all(ws.project), CheckTargets.of(ws.project.getFile(".project")).orElseThrow());
    }

    @Test
    void anExerciseFolderOrAFileInItChecksThatExercise() {
        assertEquals(CheckTarget.of(ws.project, "03-activations"),
                CheckTargets.of(ws.project.getFolder("exercises/03-activations")).orElseThrow());
        assertEquals(CheckTarget.of(ws.project, "01-autodiff"),
                CheckTargets.of(ws.project.getFile("exercises/01-autodiff/README.md")).orElseThrow());
    }

    @Test
    void aClassFilePackageOrMethodChecksTheExerciseOwningItsPackage() throws Exception {
        assertEquals(CheckTarget.of(ws.project, "03-activations"),
                CheckTargets.of(ws.project.getFile("src/activations/ReLU.java")).orElseThrow());
        assertEquals(CheckTarget.of(ws.project, "01-autodiff"),
                CheckTargets.of(ws.project.getFolder("src/autodiff")).orElseThrow());
        IType sigmoid = ws.java.findType("activations.Sigmoid");
        assertEquals(CheckTarget.of(ws.project, "03-activations"), CheckTargets.of(sigmoid).orElseThrow());
        assertEquals(CheckTarget.of(ws.project, "03-activations"),
                CheckTargets.of(sigmoid.getMethods()[0]).orElseThrow());
        assertEquals(CheckTarget.of(ws.project, "03-activations"),
                CheckTargets.of(sigmoid.getPackageFragment()).orElseThrow());
        assertEquals(CheckTarget.of(ws.project, "01-autodiff"),
                CheckTargets.of(ws.java.findType("autodiff.Value").getCompilationUnit()).orElseThrow());
    }

    @Test
    void severalSelectedElementsAreOneTargetWithTheirExercisesEachOnce() throws Exception {
        IType sigmoid = ws.java.findType("activations.Sigmoid");
        assertEquals(new CheckTarget(ws.project, List.of("03-activations", "01-autodiff")), CheckTargets.ofAll(List.of(
                sigmoid, ws.project.getFolder("exercises/01-autodiff"), ws.project.getFile("src/activations/ReLU.java")))
                .orElseThrow());
        assertEquals(CheckTarget.all(ws.project), CheckTargets.ofAll(List.of(sigmoid, ws.project)).orElseThrow(),
                "the project among them: everything");
        IProject other = GradLabTestProject.create("check-targets-other", "01-autodiff").project;
        List<Object> twoProjects = List.of("not a resource", sigmoid, other.getFolder("exercises/01-autodiff"),
                other.getFile("src/autodiff/Value.java"));
        assertEquals(CheckTarget.of(ws.project, "03-activations"), CheckTargets.ofAll(twoProjects).orElseThrow(),
                "one project per run: the first one's");
        CheckTargets.Selection selection = CheckTargets.selection(twoProjects).orElseThrow();
        assertEquals(CheckTarget.of(ws.project, "03-activations"), selection.target());
        assertEquals(List.of(other), selection.leftOut(), "the other project, once");
        assertEquals("checked check-targets only, not check-targets-other: a Check runs on one project at a time;"
                + " select items of one project", selection.note());
        assertNull(CheckTargets.selection(List.of(sigmoid, ws.project)).orElseThrow().note(), "one project: no note");
        assertTrue(CheckTargets.ofAll(List.of("a string")).isEmpty());
        other.delete(true, true, null);
    }

    @Test
    void somethingOutsideEveryProjectIsNoTarget() {
        assertTrue(CheckTargets.of("a string").isEmpty());
        assertTrue(CheckTargets.of(null).isEmpty());
    }

    @Test
    void theMarkerTextIsOneLineWithAspectDiagnosisDetailAndCaseCount() {
        Item item = new Item("backward", Outcome.FAILED, 2, 5,
                "case sigmoid/basic: grad input[2, 1] expected -0.31,\n  got 0.31 (rel err 2.0)", "sign flipped");
        assertEquals("GradLab: backward: sign flipped — case sigmoid/basic: grad input[2, 1] expected -0.31, got 0.31"
                + " (rel err 2.0) [2 of 5 cases]", MarkerText.of(item));
        assertEquals("GradLab: forward: missing", MarkerText.of(new Item("forward", Outcome.MISSING, 1, 1, "", null)));
    }

    @Test
    void theCounterCountsEachStatusOnce() {
        CheckRunRecord r = new CheckRunRecord("p", List.of(), Instant.EPOCH);
        r.expect(4);
        for (ExerciseReport.Status s : ExerciseReport.Status.values()) {
            r.add(new ExerciseReport(s.name(), "", s, List.of(), List.of()));
        }
        assertEquals(new CheckRunRecord.Counts(6, 6, 1, 1, 3, 1), r.counts());
        assertEquals(List.of("FAILED", "COMPILE_ERROR", "TIMED_OUT"), r.failedExercises());
        assertEquals("Checking p…", r.summary());
        r.finish(true, null, Duration.ofMillis(1500));
        assertEquals("Cancelled after 6 of 6 exercises", r.summary());
    }

    @Test
    void aRunKeepsTheLastLinesItsCodePrintedAndCountsThemAll() {
        CheckRunRecord r = new CheckRunRecord("p", List.of(), Instant.EPOCH);
        for (int i = 1; i <= CheckRunRecord.MAX_OUTPUT_LINES + 50; i++) {
            r.output("line " + i);
        }
        assertEquals(CheckRunRecord.MAX_OUTPUT_LINES + 50, r.printed());
        assertEquals(CheckRunRecord.MAX_OUTPUT_LINES, r.output().size());
        assertEquals("line 51", r.output().get(0));
        assertEquals("line " + (CheckRunRecord.MAX_OUTPUT_LINES + 50), r.output().get(r.output().size() - 1));
    }
}
