package org.gradlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.gradlab.check.run.CheckListener;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ReportText;

/**
 * What {@code gradlab check} prints while the check JVM reports: each exercise's report as it
 * finishes, and the lines the student's code printed, under a header naming the exercise and
 * marked with "| " so that they cannot be mistaken for the check's own lines. Remembers the
 * exercise that started last, so the command knows which one a dying JVM was checking.
 */
final class CheckPrinter implements CheckListener {
    static final String OUTPUT_MARK = "  | ";

    private final PrintStream out;
    private final List<ExerciseReport> reports = new ArrayList<>();
    private String current;
    private String outputHeaderFor;

    CheckPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(String exerciseId, String title, int index, int total) {
        current = exerciseId;
    }

    @Override
    public void finished(ExerciseReport report) {
        print(report);
    }

    /** Prints a report the check JVM did not send (one it died during) the same way. */
    void print(ExerciseReport report) {
        reports.add(report);
        ReportText.lines(report).forEach(out::println);
    }

    @Override
    public void output(String line) {
        String owner = current == null ? "the check JVM" : "your code during " + current;
        if (!owner.equals(outputHeaderFor)) {
            out.println("output of " + owner + ":");
            outputHeaderFor = owner;
        }
        out.println(OUTPUT_MARK + line);
    }

    /** The exercise started last and not finished yet (the JVM died or was stopped during it), or null. */
    String unfinished() {
        return current != null && reports.stream().noneMatch(r -> r.id().equals(current)) ? current : null;
    }

    List<ExerciseReport> reports() {
        return List.copyOf(reports);
    }
}
