package org.gradlab.check.selfcheck;

import java.util.List;

/**
 * The self-check of one exercise: its status, each student class's report, notes (compile
 * errors as file:line, a time-out, a vector file that could not be read) and, for the exercises
 * that train something, the curves of that training (loss and accuracy per epoch).
 */
public record ExerciseReport(String id, String title, Status status, List<ClassReport> classes, List<String> notes,
        List<Curve> curves) {

    public ExerciseReport {
        classes = List.copyOf(classes);
        notes = List.copyOf(notes);
        curves = curves == null ? List.of() : List.copyOf(curves);
    }

    /** A report without curves. */
    public ExerciseReport(String id, String title, Status status, List<ClassReport> classes, List<String> notes) {
        this(id, title, status, classes, notes, List.of());
    }

    public enum Status {
        /** Every aspect of every class passed. */
        PASSED,
        /** What was written passes; some classes or methods are still stubs. */
        IN_PROGRESS,
        /** Nothing written yet: every aspect still hits a TODO stub. */
        NOT_STARTED,
        /** Something disagreed, threw or is missing. */
        FAILED,
        /** The exercise's sources do not compile. */
        COMPILE_ERROR,
        /** The check did not finish in time (an infinite loop?). */
        TIMED_OUT;

        /** PASSED, and NOT_STARTED (nothing to judge yet): what the exit status treats as fine. */
        public boolean ok() {
            return this == PASSED || this == NOT_STARTED;
        }
    }

    /** The status the class reports add up to. */
    static Status statusOf(List<ClassReport> classes) {
        if (classes.isEmpty() || classes.stream().allMatch(c -> c.outcome() == Outcome.NOT_STARTED)) {
            return Status.NOT_STARTED;
        }
        if (classes.stream().anyMatch(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.MISSING)) {
            return Status.FAILED;
        }
        return classes.stream().allMatch(ClassReport::done) ? Status.PASSED : Status.IN_PROGRESS;
    }
}
