package org.gradlab.grader.run;

import java.util.List;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.spec.ExerciseResult;

/**
 * Everything grading one submission produced: per-exercise results, compiler and policy findings,
 * the student's captured output, how it was isolated, and the seed that replays it.
 *
 * @param name        the submission's name (folder or zip name without extension)
 * @param seed        the grading seed (hidden cases are drawn from it)
 * @param exercises   one result per exercise of the catalog, in course order
 * @param compile     compiler diagnostics (file relative to the submission's source root)
 * @param violations  bytecode-policy violations ("activations/ReLU.forward: creates java.io.File (files are not
 *                    accessible)") and refused symbolic links
 * @param output      the student's captured stdout/stderr, truncated at the limit
 * @param isolation   how the run was isolated, e.g. "bubblewrap (no network, read-only JDK, private scratch)"
 *                    or "reduced: bubblewrap not installed; forked JVM with heap and time limits only"
 * @param error       a problem with the submission as a whole (bad zip, no sources), or "" if none
 * @param millis      wall time of grading this submission
 */
public record SubmissionReport(String name, long seed, List<ExerciseResult> exercises, List<CompileDiagnostic> compile,
        List<String> violations, String output, String isolation, String error, long millis) {

    public double score() {
        return exercises.stream().mapToDouble(ExerciseResult::score).sum();
    }

    public double maxScore() {
        return exercises.stream().mapToDouble(ExerciseResult::maxScore).sum();
    }
}
