package org.gradlab.grader.batch;

import org.gradlab.grader.run.SubmissionReport;

/** Hears what a batch does; {@link #finished} is called from worker threads, one call at a time per worker. */
public interface BatchListener {
    /** Grading is about to start: the run's seed, and how many submissions the journal already holds. */
    default void started(long seed, boolean freshSeed, int selected, int reused, int toGrade, int jobs) {
    }

    /** Something the user should know but that does not stop the run (e.g. an unreadable journal entry). */
    default void warning(String message) {
    }

    /** One submission was graded and journaled; {@code millis} is the wall time of its grading. */
    default void finished(SubmissionReport report, long millis) {
    }

    BatchListener NONE = new BatchListener() {
    };
}
