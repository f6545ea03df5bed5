package org.gradlab.grader.run;

import java.nio.file.Path;

/** Grades one submission (a folder or a .zip); never throws for anything the submission does. */
@FunctionalInterface
public interface SubmissionGrading {
    SubmissionReport grade(Path submission, String name, long seed);
}
