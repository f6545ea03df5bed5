package org.gradlab.grader.batch;

/**
 * The grader itself failed (not the student's code: SubmissionGrading reports those), so the
 * batch stopped. Everything finished before is journaled; rerunning the command resumes.
 */
public class GradingAborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GradingAborted(String message, Throwable cause) {
        super(message, cause);
    }
}
