package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The self-check as text: one header line per exercise, one line per class with a mark per
 * aspect (✓ passed, ✗ failed, ○ not started), and under it one line per failed aspect with the
 * case, the tensor, the worst element and the diagnosed mistake.
 */
public final class ReportText {
    private ReportText() {
    }

    public static String status(ExerciseReport.Status s) {
        return switch (s) {
            case PASSED -> "passed";
            case IN_PROGRESS -> "in progress";
            case NOT_STARTED -> "not started";
            case FAILED -> "FAILED";
            case COMPILE_ERROR -> "does not compile";
            case TIMED_OUT -> "TIMED OUT";
        };
    }

    public static List<String> lines(ExerciseReport r) {
        List<String> out = new ArrayList<>();
        String header = r.id() + "  " + r.title();
        if (r.status() == ExerciseReport.Status.NOT_STARTED) {
            out.add(header + ": not started");
            return out;
        }
        out.add(header + ": " + status(r.status()));
        int width = r.classes().stream().mapToInt(c -> c.simpleName().length()).max().orElse(0);
        for (ClassReport c : r.classes()) {
            out.addAll(classLines(c, width));
        }
        for (String note : r.notes()) {
            out.add("    " + note);
        }
        return out;
    }

    private static List<String> classLines(ClassReport c, int width) {
        List<String> out = new ArrayList<>();
        String name = "  " + pad(c.simpleName(), width) + "  ";
        if (c.outcome() == Outcome.NOT_STARTED) {
            out.add(name + "not started");
            return out;
        }
        if (c.outcome() == Outcome.MISSING) {
            c.items().stream().filter(i -> i.outcome() == Outcome.MISSING).findFirst()
                    .ifPresent(i -> out.add(name + "✗ missing: " + i.detail()));
            return out;
        }
        StringBuilder line = new StringBuilder(name);
        List<String> details = new ArrayList<>();
        for (Item i : c.items()) {
            line.append(mark(i.outcome())).append(' ').append(i.aspect()).append("  ");
            if (i.outcome() == Outcome.FAILED) {
                String count = i.total() > 1 ? " [" + i.failed() + " of " + i.total() + " cases]" : "";
                details.add(" ".repeat(width + 6) + "✗ " + i.aspect() + count + ": " + i.detail()
                        + (i.diagnosis() == null ? "" : " — diagnosis: " + i.diagnosis()));
            }
        }
        out.add(line.toString().stripTrailing());
        out.addAll(details);
        return out;
    }

    private static String mark(Outcome o) {
        return switch (o) {
            case PASSED -> "✓";
            case NOT_STARTED -> "○";
            case FAILED, MISSING -> "✗";
        };
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
