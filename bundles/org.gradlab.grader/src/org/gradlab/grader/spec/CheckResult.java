package org.gradlab.grader.spec;

/**
 * One graded check: which part it counts for, a name that says what was tried ("ReLU/backward
 * batch 1"), whether it passed, the comparison message, and the diagnosed mistake if one matched.
 */
public record CheckResult(Part part, String name, boolean passed, String message, String diagnosis,
        boolean notStarted) {
}
