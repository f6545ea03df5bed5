package org.gradlab.grader.batch;

import java.nio.file.Path;

/** One student's hand-in: a folder or a .zip, named by its file name without ".zip". */
public record Submission(String name, Path path) {
}
