package org.gradlab.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gradlab.check.json.Json;
import org.gradlab.grader.report.AtomicFiles;
import org.gradlab.grader.report.ReportJson;
import org.gradlab.grader.run.SubmissionReport;

/**
 * {@code REPORTS/journal/<name>.json}: each finished submission's full report (ReportJson, with
 * its timing), written atomically the moment it is graded. A run killed at any point leaves only
 * complete entries, and a rerun grades just the submissions without one.
 */
public final class Journal {
    public static final String DIR = "journal";

    private final Path dir;

    public Journal(Path reports) {
        this.dir = reports.resolve(DIR);
    }

    /** What the journal holds for one submission: a report, a reason it cannot be used, or nothing. */
    public record Entry(SubmissionReport report, String problem) {
        public boolean absent() {
            return report == null && problem == null;
        }
    }

    public Path file(String name) {
        return dir.resolve(name + ".json");
    }

    public void write(SubmissionReport r) throws IOException {
        AtomicFiles.write(file(r.name()), Json.writePretty(ReportJson.toJson(r)));
    }

    public Entry read(String name) {
        Path file = file(name);
        if (!Files.exists(file)) {
            return new Entry(null, null);
        }
        try {
            SubmissionReport r = ReportJson.fromJson(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
            if (!r.name().equals(name)) {
                return new Entry(null, file + " holds the report of '" + r.name() + "'");
            }
            return new Entry(r, null);
        } catch (IOException | RuntimeException e) {
            return new Entry(null, file + " is unreadable (" + e.getMessage() + ")");
        }
    }

    /** Deletes every entry and any temporary file a killed run left: --regrade starts from nothing. */
    public void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String f = p.getFileName().toString();
                if (f.endsWith(".json") || f.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Removes temporary files of writes that a kill interrupted (they are never read, only untidy). */
    public void removeLeftovers() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> leftovers = files.filter(p -> p.getFileName().toString().startsWith(".")
                    && p.getFileName().toString().endsWith(".tmp")).toList();
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }
}
