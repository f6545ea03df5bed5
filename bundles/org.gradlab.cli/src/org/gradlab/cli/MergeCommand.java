package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.batch.BatchException;
import org.gradlab.grader.batch.MergeShards;
import org.gradlab.grader.report.TextSummary;

/**
 * {@code gradlab merge REPORTS_1 REPORTS_2 … --out REPORTS [--partial]}: joins the reports folders of
 * shards ({@code gradlab grade --shard i/n}) into one, refusing different seeds, submissions graded
 * differently by two shards, and (unless --partial) missing or unfinished shards. Exit status 0 on
 * success, 2 when the inputs do not fit together, 1 when writing fails.
 */
public final class MergeCommand {
    static final String USAGE = """
            usage: gradlab merge REPORTS_1 REPORTS_2 … --out REPORTS [--partial]
              REPORTS_k     reports folders written by gradlab grade --shard k/n (same --seed)
              --out REPORTS the joint folder: journal, gradebook.csv, summary.html, <name>/results.json, junit.xml
              --partial     merge even when a shard is missing or unfinished (warns instead of failing)""";

    private MergeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        Path target = null;
        boolean partial = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--out=")) {
                    target = Path.of(a.substring("--out=".length()));
                } else if (a.equals("--out")) {
                    target = Path.of(GradeCommand.value(args, ++i, a));
                } else if (a.equals("--partial")) {
                    partial = true;
                } else if (a.equals("--help") || a.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                } else if (a.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + a);
                } else {
                    inputs.add(Path.of(a));
                }
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no reports folders given");
            }
            if (target == null) {
                throw new IllegalArgumentException("--out REPORTS is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("gradlab merge: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            MergeShards.Outcome o = MergeShards.merge(inputs, target, partial);
            o.warnings().forEach(w -> err.println("warning: " + w));
            out.print(TextSummary.write(o.reports()));
            out.println("merged " + o.reports().size() + " submissions from " + inputs.size() + " folder"
                    + (inputs.size() == 1 ? "" : "s") + " into " + target + "; seed " + o.seed());
            return 0;
        } catch (BatchException e) {
            err.println("gradlab merge: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("gradlab merge: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
    }
}
