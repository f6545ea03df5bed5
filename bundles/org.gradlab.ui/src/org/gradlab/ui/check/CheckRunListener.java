package org.gradlab.ui.check;

import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * Hears Check runs as they go, on the check job's thread (a view must hop to the display
 * thread). Every run starts and finishes, also one that could not run at all.
 */
public interface CheckRunListener {
    default void runStarted(CheckRunRecord run) {
    }

    default void exerciseStarted(CheckRunRecord run, String exerciseId, String title) {
    }

    default void exerciseFinished(CheckRunRecord run, ExerciseReport report) {
    }

    default void runFinished(CheckRunRecord run) {
    }
}
