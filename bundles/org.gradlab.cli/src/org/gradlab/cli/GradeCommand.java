package org.gradlab.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.gradlab.grader.batch.BatchException;
import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.GradingAborted;
import org.gradlab.grader.batch.Journal;
import org.gradlab.grader.batch.ProgressPrinter;
import org.gradlab.grader.batch.Shard;
import org.gradlab.grader.report.TextSummary;
import org.gradlab.grader.run.SubmissionGrader;
import org.gradlab.grader.run.SubmissionGrading;

/**
 * {@code gradlab grade SUBMISSIONS --out REPORTS [--jobs N] [--seed S] [--shard i/n] [--regrade]}:
 * grades one submission per subfolder or .zip of SUBMISSIONS with N parallel workers, journaling
 * each result so that a rerun after a crash grades only what is missing, then writes the reports
 * and prints a summary with the wall time. Exit status 0 when every submission was graded (whatever
 * the scores), 1 when the grader itself failed (rerun to resume), 2 for bad input.
 */
public final class GradeCommand {
    /**
     * Test hook only: the binary name of a {@link SubmissionGrading} with a public no-argument
     * constructor to use instead of the real runner (lets a test kill -9 a grading process
     * without child JVMs). Never set in production.
     */
    static final String GRADING_PROPERTY = "gradlab.grade.grading";

    static final String USAGE = """
            usage: gradlab grade SUBMISSIONS --out REPORTS [--jobs N] [--seed S] [--shard i/n] [--regrade]
              SUBMISSIONS   folder with one subfolder or .zip per student (sorted by name; dot files ignored)
              --out REPORTS where reports go: REPORTS/<name>/results.json (Gradescope), REPORTS/<name>/junit.xml,
                            REPORTS/gradebook.csv, REPORTS/summary.html; REPORTS/journal/ makes reruns resume
              --jobs N      submissions graded at once, each in its own JVM (default: half the cores, 1 to 8)
              --seed S      seed of the hidden cases (default: the resumed run's seed, else a fresh one, printed)
              --shard i/n   grade only submissions whose 0-based index k in the sorted list has k mod n = i-1
                            (i = 1..n, e.g. $SLURM_ARRAY_TASK_ID/n); join the shards with gradlab merge
              --regrade     ignore the journal and grade everything again""";

    private GradeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null, isTerminal());
    }

    /** {@code grading} null: the real runner (or the test hook's). */
    static int run(String[] args, PrintStream out, PrintStream err, SubmissionGrading grading, boolean terminal) {
        GradeBatch.Options options;
        try {
            options = parse(args);
        } catch (BatchException | IllegalArgumentException e) {
            err.println("gradlab grade: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        SubmissionGrading g;
        try {
            g = grading != null ? grading : defaultGrading();
        } catch (IllegalStateException e) {
            err.println("gradlab grade: cannot start the grader: " + e.getMessage());
            return 1;
        }
        try {
            GradeBatch.Outcome o = GradeBatch.run(options, g, new ProgressPrinter(out, terminal));
            out.println();
            out.print(TextSummary.write(o.reports()));
            out.println(timing(o, options.jobs()));
            out.println("reports: " + options.reports() + " (gradebook.csv, summary.html, <name>/results.json,"
                    + " <name>/junit.xml); seed " + o.seed());
            return 0;
        } catch (BatchException e) {
            err.println("gradlab grade: " + e.getMessage());
            return 2;
        } catch (GradingAborted e) {
            err.println("gradlab grade: " + e.getMessage());
            err.println("finished submissions are journaled in " + options.reports().resolve(Journal.DIR)
                    + "; run the same command again to grade the rest");
            return 1;
        } catch (IOException e) {
            err.println("gradlab grade: cannot write reports: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("gradlab grade: interrupted; run the same command again to resume");
            return 1;
        }
    }

    /** The benchmark line: wall time of the run and mean time per submission. */
    static String timing(GradeBatch.Outcome o, int jobs) {
        if (o.graded() == 0) {
            return "nothing graded now: all " + o.reports().size() + " submissions were in the journal";
        }
        return String.format(Locale.ROOT,
                "wall time %.1f s for %d submission%s with %d job%s (%.2f s wall per submission);"
                        + " mean grading time %.2f s per submission",
                o.wallMillis() / 1000.0, o.graded(), o.graded() == 1 ? "" : "s", jobs, jobs == 1 ? "" : "s",
                o.wallMillis() / 1000.0 / o.graded(), o.meanMillis() / 1000.0);
    }

    /** Null for --help. */
    static GradeBatch.Options parse(String[] args) {
        Path submissions = null;
        Path reports = null;
        int jobs = GradeBatch.defaultJobs();
        Long seed = null;
        Shard shard = Shard.ALL;
        boolean regrade = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--out" -> reports = Path.of(inline != null ? inline : value(args, ++i, a));
                case "--jobs" -> jobs = positive(inline != null ? inline : value(args, ++i, a), a);
                case "--seed" -> {
                    String s = inline != null ? inline : value(args, ++i, a);
                    try {
                        seed = Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed expects a whole number (64-bit), got '" + s + "'");
                    }
                }
                case "--shard" -> shard = Shard.parse(inline != null ? inline : value(args, ++i, a));
                case "--regrade" -> regrade = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (submissions != null) {
                        throw new IllegalArgumentException("one SUBMISSIONS folder only, got " + submissions + " and " + a);
                    }
                    submissions = Path.of(a);
                }
            }
        }
        if (submissions == null) {
            throw new IllegalArgumentException("no SUBMISSIONS folder given");
        }
        if (reports == null) {
            throw new IllegalArgumentException("--out REPORTS is required");
        }
        return new GradeBatch.Options(submissions, reports, jobs, seed, shard, regrade);
    }

    private static int positive(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " expects a whole number of at least 1, got '" + s + "'");
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The sandboxed runner with its default limits, unless a test selected its own grader. */
    private static SubmissionGrading defaultGrading() {
        String testGrading = System.getProperty(GRADING_PROPERTY);
        if (testGrading == null) {
            return new SubmissionGrader();
        }
        try {
            return (SubmissionGrading) Class.forName(testGrading).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(GRADING_PROPERTY + "=" + testGrading + ": " + e, e);
        }
    }

    /**
     * Whether stdout is an interactive terminal. Since JDK 22 System.console() is non-null also when
     * output is redirected, so ask Console.isTerminal() where it exists (the build targets 21).
     */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
