package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The course's real exercises in the real runner: every reference solution, handed in as one
 * submission, earns every point of its exercise in the sandboxed child JVM, and the same seed
 * replays the identical report.
 */
class CourseSolutionsTest {
    @Test
    void theReferenceSolutionsEarnEveryPointAndReplayIdentically() throws IOException {
        Path solutions = Submissions.root().resolve("exercises/solutions");
        Assumptions.assumeTrue(Files.isDirectory(solutions), "no exercises/solutions in this checkout");
        Path submission = Submissions.tempDir("all-solutions");
        List<String> ids;
        try (Stream<Path> s = Files.list(solutions)) {
            ids = s.filter(p -> Files.isDirectory(p.resolve("src"))).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        }
        for (String id : ids) { // a solution: the stubs (with the given classes), its own files laid over them
            for (Path src : List.of(solutions.resolveSibling(id).resolve("src"), solutions.resolve(id).resolve("src"))) {
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Path target = submission.resolve("src").resolve(src.relativize(f).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        SubmissionGrader grader = new SubmissionGrader(GraderConfig.defaults());
        SubmissionReport first = grader.grade(submission, "solutions", 2024);
        SubmissionReport again = grader.grade(submission, "solutions", 2024);
        for (ExerciseResult e : first.exercises()) {
            if (ids.contains(e.id())) {
                assertEquals(Status.GRADED, e.status(), () -> e.id() + ":\n" + Submissions.describe(first));
                assertEquals(e.maxScore(), e.score(), 1e-9, () -> e.id() + ":\n" + Submissions.describe(first));
            }
        }
        assertEquals(List.of(), first.violations(), "the solutions use only what the policy allows");
        assertEquals(Submissions.jsonWithoutTiming(first), Submissions.jsonWithoutTiming(again));
        assertTrue(first.millis() < 30_000, "a full submission took " + first.millis() + " ms");
    }
}
