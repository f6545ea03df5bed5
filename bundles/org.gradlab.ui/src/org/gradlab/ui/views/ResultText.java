package org.gradlab.ui.views;

import java.util.Locale;

import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;
import org.gradlab.check.selfcheck.ReportText;

/**
 * The words of the GradLab view: each tree column's text and the details pane's full message.
 * Kept out of the label provider so they are tested without widgets and written once.
 */
public final class ResultText {
    private ResultText() {
    }

    /** The first column: what the row is and how it came out. */
    public static String name(ResultNode node) {
        return switch (node) {
            case ResultNode.Message m -> m.text();
            case ResultNode.Exercise e -> e.report().id() + "  " + e.report().title() + "  ("
                    + ReportText.status(e.report().status()) + ")";
            case ResultNode.StudentClass c -> c.report().simpleName() + "  (" + outcome(c.report().outcome()) + ")";
            case ResultNode.Aspect a -> a.item().aspect() + "  (" + outcome(a.item().outcome())
                    + cases(a.item()) + ")";
            case ResultNode.EvidenceRow r -> r.evidence().caseName() + ": " + r.evidence().tensor();
            case ResultNode.Note n -> n.text();
            case ResultNode.Output o -> "Output of your code (" + printedLines(o) + ")";
        };
    }

    /** "1 line", "12 lines", "the last 200 of 5000 lines". */
    static String printedLines(ResultNode.Output o) {
        if (o.lines().size() < o.printed()) {
            return "the last " + o.lines().size() + " of " + o.printed() + " lines";
        }
        return o.printed() + (o.printed() == 1 ? " line" : " lines");
    }

    /** The "worst element" column: where the comparison was worst and the two values there. */
    public static String worst(ResultNode node) {
        Evidence e = evidence(node);
        if (e == null) {
            return "";
        }
        String where = e.worstIndex() == null || e.worstIndex().isEmpty() ? "" : e.worstIndex() + ": ";
        return where + "expected " + number(e.expected()) + ", got " + number(e.actual());
    }

    /** The "relative error" column. */
    public static String relativeError(ResultNode node) {
        Evidence e = evidence(node);
        return e == null ? "" : number(e.relativeError());
    }

    /** The "diagnosis" column: the mistake the error pattern looks like, else the failure's message. */
    public static String diagnosis(ResultNode node) {
        return switch (node) {
            case ResultNode.Aspect a when a.item().outcome() == Outcome.FAILED
                    || a.item().outcome() == Outcome.MISSING ->
                    a.item().diagnosis() != null ? a.item().diagnosis() : oneLine(a.item().detail());
            default -> "";
        };
    }

    /** The details pane: everything the report says about the row. */
    public static String details(ResultNode node) {
        StringBuilder s = new StringBuilder();
        switch (node) {
            case ResultNode.Message m -> s.append(m.text());
            case ResultNode.Exercise e -> {
                ExerciseReport r = e.report();
                s.append(r.id()).append(" — ").append(r.title()).append('\n');
                s.append("Status: ").append(ReportText.status(r.status())).append("\n\n");
                ReportText.lines(r).stream().skip(1).forEach(l -> s.append(l.strip()).append('\n'));
                if (!r.curves().isEmpty()) {
                    s.append("\nCharts: ").append(r.curves().size()).append(" (shown on the right)\n");
                }
                s.append("\nDouble click opens the task text.");
            }
            case ResultNode.StudentClass c -> {
                s.append(c.report().className()).append(": ").append(outcome(c.report().outcome())).append('\n');
                for (Item i : c.report().items()) {
                    s.append("  ").append(i.aspect()).append(": ").append(outcome(i.outcome())).append(cases(i))
                            .append('\n');
                }
                s.append("\nDouble click opens the class.");
            }
            case ResultNode.Aspect a -> {
                Item i = a.item();
                s.append(a.parent().report().simpleName()).append('.').append(i.aspect()).append(": ")
                        .append(outcome(i.outcome())).append(cases(i)).append('\n');
                if (i.detail() != null && !i.detail().isBlank()) {
                    s.append('\n').append(i.detail()).append('\n');
                }
                if (i.diagnosis() != null) {
                    s.append("\nDiagnosis: ").append(i.diagnosis()).append('\n');
                }
                if (i.evidence() != null) {
                    s.append('\n').append(evidenceText(i.evidence()));
                }
                s.append("\nDouble click opens ").append(i.method() == null ? "the class" : i.method() + "()")
                        .append('.');
            }
            case ResultNode.EvidenceRow r -> s.append(evidenceText(r.evidence()));
            case ResultNode.Note n -> s.append(n.text());
            case ResultNode.Output o -> {
                s.append("What your code printed during this check (System.out and System.err), ")
                        .append(printedLines(o)).append(":\n\n");
                o.lines().forEach(l -> s.append(l).append('\n'));
            }
        }
        return s.toString().stripTrailing();
    }

    private static String evidenceText(Evidence e) {
        return "Case: " + e.caseName() + "\nTensor: " + e.tensor() + "\nWorst element: "
                + (e.worstIndex() == null || e.worstIndex().isEmpty() ? "?" : e.worstIndex())
                + "\n  " + e.expectedLabel() + ": " + number(e.expected())
                + "\n  " + e.actualLabel() + ": " + number(e.actual())
                + "\n  relative error: " + number(e.relativeError()) + "\n";
    }

    static Evidence evidence(ResultNode node) {
        return switch (node) {
            case ResultNode.EvidenceRow r -> r.evidence();
            case ResultNode.Aspect a when a.item().outcome() != Outcome.PASSED -> a.item().evidence();
            default -> null;
        };
    }

    static String outcome(Outcome o) {
        return switch (o) {
            case PASSED -> "passed";
            case NOT_STARTED -> "not started";
            case FAILED -> "failed";
            case MISSING -> "missing";
        };
    }

    private static String cases(Item i) {
        return i.outcome() == Outcome.FAILED && i.total() > 1 ? ", " + i.failed() + " of " + i.total() + " cases" : "";
    }

    /** Short, like the JUnit view's numbers: 4 significant digits, scientific when tiny or huge. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }
}
