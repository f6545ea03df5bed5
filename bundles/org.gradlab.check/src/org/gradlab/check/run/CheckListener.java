package org.gradlab.check.run;

import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * Hears a check as the child JVM reports it, in order, on the thread that called
 * {@link CheckProcess#run}: an exercise started (index counts from 0 of total), an exercise's
 * report, a line the student's code printed (System.out or System.err in the child).
 */
public interface CheckListener {
    default void started(String exerciseId, String title, int index, int total) {
    }

    default void finished(ExerciseReport report) {
    }

    default void output(String line) {
    }

    /** A listener that hears nothing. */
    CheckListener NONE = new CheckListener() {
    };
}
