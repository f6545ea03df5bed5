package org.gradlab.grader.spec;

import org.gradlab.check.Comparison;

/** What one check concluded: passed or not, the message, and a diagnosed mistake (or null). */
public record Verdict(boolean passed, String message, String diagnosis) {

    public static Verdict of(Comparison c) {
        return new Verdict(c.passed(), c.message(), null);
    }

    public static Verdict of(Comparison c, String diagnosis) {
        return new Verdict(c.passed(), c.message(), c.passed() ? null : diagnosis);
    }

    public static Verdict pass(String message) {
        return new Verdict(true, message, null);
    }

    public static Verdict fail(String message) {
        return new Verdict(false, message, null);
    }

    public static Verdict fail(String message, String diagnosis) {
        return new Verdict(false, message, diagnosis);
    }
}
