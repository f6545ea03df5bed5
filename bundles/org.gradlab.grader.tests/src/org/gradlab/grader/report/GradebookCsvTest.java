package org.gradlab.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.batch.FakeGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.junit.jupiter.api.Test;

class GradebookCsvTest {

    /** A strict RFC 4180 reader: the test's independent check of the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "quote inside an unquoted field");
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "CR without LF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "bare LF outside quotes");
                field.append(c);
            }
        }
        assertEquals(0, field.length() + row.size(), "last line without CRLF");
        return rows;
    }

    @Test
    void namesWithCommasQuotesAndLineBreaksSurviveTheRoundTrip() {
        List<String> names = List.of("alice", "carol, jr", "dave \"the typo\"", "multi\nline", "o'brien");
        List<SubmissionReport> reports = names.stream().map(n -> FakeGrading.report(n, 9)).toList();
        String csv = GradebookCsv.write(reports);
        assertTrue(csv.contains("\r\n\"carol, jr\",") && csv.contains("\r\n\"dave \"\"the typo\"\"\","), csv);
        assertTrue(csv.contains("\r\no'brien,"), csv);
        List<List<String>> rows = parse(csv);
        assertEquals(List.of("Student", "01-autodiff", "03-activations", "07-convolution", "Total"), rows.get(0));
        assertEquals(names.size() + 1, rows.size());
        for (int i = 0; i < names.size(); i++) {
            List<String> row = rows.get(i + 1);
            SubmissionReport r = reports.get(i);
            assertEquals(names.get(i), row.get(0));
            assertEquals(Scores.format(r.exercises().get(1).score()), row.get(2));
            assertEquals(Scores.format(r.score()), row.get(4));
            assertEquals(r.score(), Double.parseDouble(row.get(4)), 0.005);
        }
    }

    @Test
    void pointsUseADotAndAtMostTwoDecimals() {
        assertEquals("87.5", Scores.format(87.5));
        assertEquals("100", Scores.format(100.0));
        assertEquals("3.33", Scores.format(10.0 / 3));
        assertEquals("0", Scores.format(-0.0));
        assertEquals("0.67", Scores.format(2.0 / 3));
    }
}
