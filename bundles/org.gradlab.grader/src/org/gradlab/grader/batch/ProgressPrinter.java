package org.gradlab.grader.batch;

import java.io.PrintStream;
import java.util.Locale;

import org.gradlab.grader.report.Scores;
import org.gradlab.grader.run.SubmissionReport;

/**
 * Shows a batch's progress: on a terminal one redrawn line with a bar and the estimated time
 * left; otherwise (CI logs, files) one plain line per submission, "[12/100] alice 87.5/100 (1.4 s)".
 */
public final class ProgressPrinter implements BatchListener {
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private int total;
    private int done;
    private long startNanos;
    private boolean barShown;

    public ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(long seed, boolean freshSeed, int selected, int reused, int toGrade, int jobs) {
        total = toGrade;
        startNanos = System.nanoTime();
        out.println("seed " + seed + (freshSeed ? " (chosen now; replay this run with --seed " + seed + ")" : ""));
        if (reused > 0) {
            out.println("resuming: " + reused + " of " + selected + " already graded (journal); " + toGrade
                    + " to grade");
        }
        if (toGrade > 0) {
            out.println("grading " + toGrade + " submission" + (toGrade == 1 ? "" : "s") + " with " + jobs + " job"
                    + (jobs == 1 ? "" : "s"));
        }
    }

    @Override
    public synchronized void warning(String message) {
        clearBar();
        out.println("warning: " + message);
    }

    @Override
    public synchronized void finished(SubmissionReport r, long millis) {
        done++;
        String result = r.name() + " " + Scores.outOf(r.score(), r.maxScore())
                + (r.error().isEmpty() ? "" : " [" + r.error() + "]");
        if (!terminal) {
            out.println(String.format(Locale.ROOT, "[%d/%d] %s (%.1f s)", done, total, result, millis / 1000.0));
            return;
        }
        int filled = total == 0 ? BAR : done * BAR / total;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long eta = Math.round(elapsed / done * (total - done));
        // \r and erase-line redraw in place; the last update ends the line.
        out.print(String.format(Locale.ROOT, "\r\033[K[%s%s] %d/%d  ETA %d:%02d  %s", "#".repeat(filled),
                "-".repeat(BAR - filled), done, total, eta / 60, eta % 60, result));
        barShown = done < total;
        if (!barShown) {
            out.println();
        }
        out.flush();
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r\033[K");
            barShown = false;
        }
    }
}
