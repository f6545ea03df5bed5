package org.gradlab.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.gradlab.check.json.Json;
import org.gradlab.grader.run.SubmissionReport;

/**
 * Writes the reports of a graded class into one folder: {@code <name>/results.json} (Gradescope),
 * {@code <name>/junit.xml}, {@code gradebook.csv} and {@code summary.html}. Used after grading and
 * by merge, so both produce the same files from the same reports.
 */
public final class ReportFiles {
    public static final String RESULTS = "results.json";
    public static final String JUNIT = "junit.xml";
    public static final String GRADEBOOK = "gradebook.csv";
    public static final String SUMMARY = "summary.html";

    private ReportFiles() {
    }

    public static void writeAll(Path out, List<SubmissionReport> reports) throws IOException {
        List<SubmissionReport> sorted = reports.stream().sorted(Comparator.comparing(SubmissionReport::name)).toList();
        for (SubmissionReport r : sorted) {
            Path dir = out.resolve(r.name());
            AtomicFiles.write(dir.resolve(RESULTS), Json.writePretty(GradescopeResults.toJson(r)));
            AtomicFiles.write(dir.resolve(JUNIT), JUnitXml.write(r));
        }
        AtomicFiles.write(out.resolve(GRADEBOOK), GradebookCsv.write(sorted));
        AtomicFiles.write(out.resolve(SUMMARY), SummaryHtml.write(sorted));
    }
}
