package org.gradlab.ui.instructor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.gradlab.grader.batch.GradeBatch;
import org.gradlab.grader.batch.Shard;

/**
 * What the batch view's fields ask for, checked: the same meaning as
 * {@code gradlab grade SUBMISSIONS --out REPORTS --jobs N [--seed S] [--regrade]}. Folder
 * existence and the reports-inside-submissions rule are the grader's to check (its messages are
 * shown as they are); this class turns the texts into values or says which field is wrong.
 *
 * @param seed null: the seed of the run being resumed, else a fresh one
 */
public record BatchRequest(Path submissions, Path reports, Long seed, int jobs, boolean regrade) {
    public static final String REPORTS_SUFFIX = "-reports";

    /** @throws IllegalArgumentException naming the field, what it expects and what it got */
    public static BatchRequest parse(String submissionsText, String reportsText, String seedText, int jobs,
            boolean regrade) {
        String s = submissionsText.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Choose the submissions folder: one subfolder or .zip per student.");
        }
        Path submissions = path(s, "Submissions folder").toAbsolutePath().normalize();
        String r = reportsText.strip();
        Path reports = r.isEmpty() ? defaultReports(submissions) : path(r, "Reports folder").toAbsolutePath().normalize();
        Long seed = null;
        String seedStrip = seedText.strip();
        if (!seedStrip.isEmpty()) {
            try {
                seed = Long.parseLong(seedStrip);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Seed: expected a whole number (64-bit) or nothing for a random"
                        + " seed, got '" + seedStrip + "'.");
            }
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("Jobs: expected at least 1, got " + jobs + ".");
        }
        return new BatchRequest(submissions, reports, seed, jobs, regrade);
    }

    /** {@code <submissions>-reports} next to the submissions folder: outside it, so a rerun never grades the reports. */
    public static Path defaultReports(Path submissions) {
        Path abs = submissions.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name == null) {
            return abs.resolve("gradlab" + REPORTS_SUFFIX);   // the file-system root: the grader refuses it anyway
        }
        return abs.resolveSibling(name + REPORTS_SUFFIX);
    }

    public GradeBatch.Options options() {
        return new GradeBatch.Options(submissions, reports, jobs, seed, Shard.ALL, regrade);
    }

    private static Path path(String text, String field) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a valid path (" + e.getReason() + ").");
        }
    }
}
