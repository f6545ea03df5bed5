package org.gradlab.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.gradlab.ui.check.CheckRunRecord;

/**
 * The rows of the GradLab view's tree: a run's message, exercise → class → aspect → evidence,
 * what the student's code printed, and notes (compile errors as file:line, a time-out). Plain data built from the reports, so the
 * tree's shape can be tested without widgets; each node knows its parent for reveal and double click.
 */
public sealed interface ResultNode {

    /** The node above, null for the top rows (messages, exercises, output). */
    default ResultNode parent() {
        return null;
    }

    /** The rows below; leaves have none. */
    default List<ResultNode> children() {
        return List.of();
    }

    /** What a run says about itself: could not run, cancelled, still checking, nothing there. */
    record Message(String text, Severity severity) implements ResultNode {
        public enum Severity { INFO, WARNING, ERROR }

    }

    record Exercise(String project, ExerciseReport report) implements ResultNode {
        @Override
        public List<ResultNode> children() {
            List<ResultNode> out = new ArrayList<>();
            report.notes().forEach(n -> out.add(new Note(this, n)));
            report.classes().forEach(c -> out.add(new StudentClass(this, c)));
            return out;
        }
    }

    record StudentClass(Exercise parent, ClassReport report) implements ResultNode {
        @Override
        public List<ResultNode> children() {
            return report.items().stream().<ResultNode>map(i -> new Aspect(this, i)).toList();
        }
    }

    record Aspect(StudentClass parent, Item item) implements ResultNode {
        @Override
        public List<ResultNode> children() {
            Evidence e = item.evidence();
            return e == null || item.outcome() == Outcome.PASSED ? List.of() : List.of(new EvidenceRow(this, e));
        }
    }

    /** The numbers of a failed comparison: case, tensor, worst element, expected, actual, relative error. */
    record EvidenceRow(Aspect parent, Evidence evidence) implements ResultNode {
    }

    /** One line of an exercise's notes ("src/activations/ReLU.java:12: error: …", "timed out after 10 s"). */
    record Note(Exercise parent, String text) implements ResultNode {
    }

    /**
     * What the student's code printed during the run (System.out and System.err of the check JVM):
     * the last {@code lines} of {@code printed} in all. One row; the details pane shows the lines.
     */
    record Output(List<String> lines, int printed) implements ResultNode {
        public Output {
            lines = List.copyOf(lines);
        }

    }

    /**
     * The tree's top level for a run: its message (if any) first, then the exercises in check
     * order, then what the student's code printed (if it printed anything).
     */
    static List<ResultNode> roots(CheckRunRecord run) {
        List<ResultNode> out = new ArrayList<>();
        if (run == null) {
            out.add(new Message("No check run yet: select a GradLab project, exercise or class and press Check"
                    + " (Alt+Shift+X G)", Message.Severity.INFO));
            return out;
        }
        List<ExerciseReport> reports = run.reports();
        if (run.finished() && run.problem() != null) {
            out.add(new Message(run.problem(), Message.Severity.ERROR));
        } else if (run.finished() && run.cancelled()) {
            out.add(new Message(run.summary(), Message.Severity.WARNING));
        } else if (!run.finished()) {
            out.add(new Message(run.summary(), Message.Severity.INFO));
        } else if (reports.isEmpty()) {
            out.add(new Message("The check found no exercises to run", Message.Severity.WARNING));
        }
        reports.forEach(r -> out.add(new Exercise(run.project(), r)));
        if (run.printed() > 0) {
            out.add(new Output(run.output(), run.printed()));
        }
        return out;
    }

    /** The first failed aspect (or failed exercise) of the run, for the view to select after a run. */
    static ResultNode firstFailure(List<ResultNode> roots) {
        for (ResultNode root : roots) {
            if (root instanceof Exercise e && CheckRunRecord.failed(e.report().status())) {
                for (ResultNode c : e.children()) {
                    if (c instanceof StudentClass cls) {
                        for (ResultNode a : cls.children()) {
                            if (a instanceof Aspect asp && (asp.item().outcome() == Outcome.FAILED
                                    || asp.item().outcome() == Outcome.MISSING)) {
                                return asp;
                            }
                        }
                    }
                }
                return e;
            }
        }
        return null;
    }
}
