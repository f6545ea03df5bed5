package org.gradlab.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gradlab.grader.batch.FakeGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;
import org.junit.jupiter.api.Test;

class SummaryHtmlTest {

    /** A report with one exercise scoring {@code points}/10, failing checks with the given diagnoses. */
    private static SubmissionReport report(String name, double points, Status status, String... diagnoses) {
        List<CheckResult> checks = new ArrayList<>();
        for (String d : diagnoses) {
            checks.add(new CheckResult(Part.INPUT_GRADIENT, "ReLU/backward " + checks.size(), false, "wrong", d, false));
        }
        checks.add(new CheckResult(Part.FORWARD, "ReLU/forward", true, "", null, false));
        ExerciseResult e = new ExerciseResult("03-activations", "Activation functions", status,
                List.of(new PartScore(Part.FORWARD, points, 10, 1, 1)), checks, "");
        return new SubmissionReport(name, 2024, List.of(e), List.of(), List.of(), "", "bubblewrap <sandbox>", "", 0);
    }

    @Test
    void showsTheDistributionTheMistakesByCountTheStatusesSeedAndIsolation() {
        List<SubmissionReport> reports = List.of(
                report("a", 10, Status.GRADED),
                report("b", 9.5, Status.GRADED, "off by a factor of the batch size (4)"),
                report("c", 3, Status.GRADED, "off by a factor of the batch size (7)",
                        "off by a factor of the batch size (2)", "sign flipped: opposite sign"),
                report("d", 0, Status.TIMED_OUT),
                report("e", 0, Status.TIMED_OUT),
                report("f", 0, Status.COMPILE_ERROR));
        String html = SummaryHtml.write(reports);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), "self-contained");
        assertTrue(html.contains("<td>Seed</td><td>2024</td>"), html);
        assertTrue(html.contains("bubblewrap &lt;sandbox&gt; (6 submissions)"), html);

        // Per-exercise histogram: bins [0,1) … [9,10]; 3 zeros, one 3, one 9.5 and one 10 in the last.
        Matcher svg = Pattern.compile("<td><svg class=\"hist\".*?</svg>", Pattern.DOTALL).matcher(html);
        assertTrue(svg.find());
        List<Integer> counts = new ArrayList<>();
        Matcher bar = Pattern.compile("points: (\\d+) submission").matcher(svg.group());
        while (bar.find()) {
            counts.add(Integer.parseInt(bar.group(1)));
        }
        assertEquals(List.of(3, 0, 0, 1, 0, 0, 0, 0, 0, 2), counts);

        // The batch-size mistake counts once per submission (b and c), however many checks and sizes.
        int batchRow = html.indexOf("<td>off by a factor of the batch size</td>");
        int signRow = html.indexOf("<td>sign flipped: opposite sign</td>");
        assertTrue(batchRow > 0 && signRow > batchRow, "most frequent first");
        assertTrue(html.startsWith("<td>off by a factor of the batch size</td><td class=\"num\">2</td>"
                + "<td class=\"num\">3</td>", batchRow), html.substring(batchRow, batchRow + 120));

        // Statuses per exercise: 3 graded, 2 timed out, 1 compile error.
        String row = html.substring(html.indexOf("<small>03-activations</small>"));
        row = row.substring(row.indexOf("</svg>"), row.indexOf("</tr>"));
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile(">(\\d+)</td>").matcher(row);
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        assertEquals(List.of("3", "0", "0", "1", "0", "2", "0"), cells); // Status order
        assertTrue(html.contains("<td>d</td>") && html.contains("03-activations timed out"), html);
    }

    @Test
    void isTheSameForTheSameReportsAndEscapesNames() {
        List<SubmissionReport> reports = List.of(FakeGrading.report("<b>bold</b>", 5), FakeGrading.report("x", 5));
        String html = SummaryHtml.write(reports);
        assertEquals(html, SummaryHtml.write(reports));
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;") && !html.contains("<b>bold"), html);
    }

    @Test
    void mistakeKeysDropCaseSpecificNumbers() {
        assertEquals("off by a factor of the batch size", Scores.mistake("off by a factor of the batch size (4)"));
        assertEquals("off by a factor of 1/2", Scores.mistake("off by a factor of 1/2 (0.5)"));
        assertEquals("batch norm backward without the mean terms",
                Scores.mistake("batch norm backward without the mean terms"));
    }
}
