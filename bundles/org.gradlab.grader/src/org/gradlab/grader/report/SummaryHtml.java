package org.gradlab.grader.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;

/**
 * The class overview as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * files): score distribution per exercise, statuses per exercise, the most frequent diagnosed
 * mistakes, every submission's scores, and the seed and isolation the run used. No timestamps or
 * timings, so the same seed reproduces it byte for byte.
 */
public final class SummaryHtml {
    static final int MAX_MISTAKES = 25;

    private SummaryHtml() {
    }

    public static String write(List<SubmissionReport> reports) {
        ClassStats s = new ClassStats(reports);
        StringBuilder h = new StringBuilder();
        h.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>GradLab grading summary</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
                table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: middle; }
                th { background: #f3f3f3; }
                td.num { text-align: right; font-variant-numeric: tabular-nums; }
                .bad { background: #fde2e2; }
                .warn { background: #fff4d6; }
                .full { background: #e3f6e3; }
                svg rect { fill: #4a7bd0; }
                .meta td:first-child { font-weight: bold; }
                </style>
                </head>
                <body>
                <h1>GradLab grading summary</h1>
                """);
        h.append("<table class=\"meta\">\n");
        meta(h, "Submissions", Integer.toString(reports.size()));
        meta(h, "Mean total", Scores.outOf(s.meanTotal(), s.maxTotal));
        meta(h, "Seed", String.join(", ", s.seeds.stream().map(String::valueOf).toList())
                + (s.seeds.size() > 1 ? " (several seeds: these reports come from different runs)" : ""));
        for (Map.Entry<String, Integer> iso : s.isolations.entrySet()) {
            meta(h, "Isolation", iso.getKey() + " (" + iso.getValue() + " submission" + plural(iso.getValue()) + ")");
        }
        h.append("</table>\n");

        h.append("<h2>Total score distribution</h2>\n");
        histogram(h, s.totalHistogram, s.maxTotal, 400, 80);

        h.append("<h2>Exercises</h2>\n<table>\n<tr><th>Exercise</th><th>Mean</th><th>Distribution (0 to max)</th>");
        for (Status st : Status.values()) {
            h.append("<th>").append(esc(Scores.label(st))).append("</th>");
        }
        h.append("</tr>\n");
        for (ClassStats.ExerciseStats x : s.exercises.values()) {
            h.append("<tr><td>").append(esc(x.column.title())).append("<br><small>").append(esc(x.column.id()))
                    .append("</small></td><td class=\"num\">").append(Scores.outOf(s.mean(x), x.column.maxScore()))
                    .append("</td><td>");
            histogram(h, x.histogram, x.column.maxScore(), 200, 40);
            h.append("</td>");
            for (Status st : Status.values()) {
                int n = x.count(st);
                String cls = n == 0 || st == Status.GRADED ? "num" : "num " + (st == Status.NOT_STARTED ? "warn" : "bad");
                h.append("<td class=\"").append(cls).append("\">").append(n).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Most frequent diagnosed mistakes</h2>\n");
        if (s.mistakes.isEmpty()) {
            h.append("<p>No failed check matched a known mistake.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Exercise</th><th>Mistake</th><th>Submissions</th><th>Failed checks</th></tr>\n");
            for (ClassStats.Mistake m : s.mistakes.subList(0, Math.min(MAX_MISTAKES, s.mistakes.size()))) {
                h.append("<tr><td>").append(esc(m.exercise())).append("</td><td>").append(esc(m.text()))
                        .append("</td><td class=\"num\">").append(m.submissions()).append("</td><td class=\"num\">")
                        .append(m.checks()).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (s.mistakes.size() > MAX_MISTAKES) {
                h.append("<p>").append(s.mistakes.size() - MAX_MISTAKES).append(" rarer mistakes not shown.</p>\n");
            }
        }

        h.append("<h2>Submissions</h2>\n<table>\n<tr><th>Submission</th>");
        for (Scores.Column c : s.columns) {
            h.append("<th title=\"").append(esc(c.title())).append("\">").append(esc(c.id())).append("</th>");
        }
        h.append("<th>Total</th><th>Notes</th></tr>\n");
        for (SubmissionReport r : reports) {
            h.append("<tr><td>").append(esc(r.name())).append("</td>");
            for (Scores.Column c : s.columns) {
                ExerciseResult e = Scores.exercise(r, c.id());
                if (e == null) {
                    h.append("<td class=\"num bad\">–</td>");
                    continue;
                }
                String cls = e.status() == Status.GRADED ? (e.score() >= e.maxScore() ? " full" : "")
                        : e.status() == Status.NOT_STARTED ? " warn" : " bad";
                h.append("<td class=\"num").append(cls).append("\" title=\"").append(esc(Scores.label(e.status())))
                        .append("\">").append(Scores.format(e.score())).append("</td>");
            }
            h.append("<td class=\"num\">").append(Scores.outOf(r.score(), r.maxScore())).append("</td><td>")
                    .append(esc(notes(r))).append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** What went wrong with a submission as a whole, in a few words ("" when nothing did). */
    static String notes(SubmissionReport r) {
        StringBuilder sb = new StringBuilder();
        if (!r.error().isEmpty()) {
            sb.append("error: ").append(r.error());
        }
        long compileErrors = r.compile().stream().filter(d -> d.error()).count();
        if (compileErrors > 0) {
            sb.append(sb.isEmpty() ? "" : "; ").append(compileErrors).append(" compile error")
                    .append(plural((int) compileErrors));
        }
        if (!r.violations().isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append(r.violations().size()).append(" policy violation")
                    .append(plural(r.violations().size()));
        }
        for (ExerciseResult e : r.exercises()) {
            if (e.status() == Status.TIMED_OUT || e.status() == Status.CRASHED) {
                sb.append(sb.isEmpty() ? "" : "; ").append(e.id()).append(' ').append(Scores.label(e.status()));
            }
        }
        return sb.toString();
    }

    /** Ten bars over [0, max]; each bar's tooltip gives its range and count. */
    private static void histogram(StringBuilder h, int[] bins, double max, int width, int height) {
        int top = 1;
        for (int b : bins) {
            top = Math.max(top, b);
        }
        double barWidth = (double) width / bins.length;
        h.append("<svg class=\"hist\" width=\"").append(width).append("\" height=\"").append(height + 14)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height + 14)
                .append("\" role=\"img\" aria-label=\"score distribution\">");
        for (int i = 0; i < bins.length; i++) {
            double barHeight = bins[i] == 0 ? 0 : Math.max(1, (double) bins[i] / top * height);
            String range = Scores.format(max * i / bins.length) + "–" + Scores.format(max * (i + 1) / bins.length);
            h.append(String.format(Locale.ROOT,
                    "<g><title>%s points: %d submission%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    esc(range), bins[i], plural(bins[i]), i * barWidth + 1, height - barHeight, barWidth - 2, barHeight));
            if (bins[i] > 0) {
                h.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                        (i + 0.5) * barWidth, height + 12, bins[i]));
            }
            h.append("</g>");
        }
        h.append("</svg>\n");
    }

    private static void meta(StringBuilder h, String key, String value) {
        h.append("<tr><td>").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static String esc(String s) {
        return Markup.text(s);
    }
}
