package org.gradlab.grader.report;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.run.SubmissionReport;

/**
 * The class's gradebook as RFC 4180 CSV for Moodle/Canvas import: a header row
 * ({@code Student}, one column per exercise id in course order, {@code Total}), then one row per
 * submission in the order given. CRLF line ends; a field with a comma, quote or line break is
 * quoted with inner quotes doubled. Points have at most two decimals, with a dot.
 */
public final class GradebookCsv {
    private GradebookCsv() {
    }

    public static String write(List<SubmissionReport> reports) {
        return write(Gradebook.of(reports));
    }

    static String write(Gradebook gradebook) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("Student");
        gradebook.columns().forEach(c -> header.add(c.id()));
        header.add("Total");
        row(sb, header);
        for (Gradebook.Row r : gradebook.rows()) {
            List<String> fields = new ArrayList<>();
            fields.add(r.student());
            r.scores().forEach(score -> fields.add(Scores.format(score)));
            fields.add(Scores.format(r.total()));
            row(sb, fields);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
