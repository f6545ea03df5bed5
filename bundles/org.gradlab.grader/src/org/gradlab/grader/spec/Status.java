package org.gradlab.grader.spec;

/** How far grading of one exercise got. */
public enum Status {
    /** Every check ran (pass or fail). */
    GRADED,
    /** Every check hit an untouched stub ({@code TODO}). */
    NOT_STARTED,
    /** A class or method the exercise needs is missing or has the wrong signature. */
    MISSING,
    /** The exercise's sources did not compile. */
    COMPILE_ERROR,
    /** The bytecode uses something the policy forbids. */
    POLICY_VIOLATION,
    /** It ran past its time limit. */
    TIMED_OUT,
    /** The grading process died while running it (e.g. out of memory). */
    CRASHED
}
