package org.gradlab.check.selfcheck;

import java.util.Map;

/**
 * One aspect of one student class ("forward", "backward", "numeric gradient", "state", "step"…)
 * over all the cases that tried it: the outcome, how many cases failed of how many ran, and for a
 * failure the first failing case's message (case, tensor, worst element), the mistake it looks like
 * and, where a tensor comparison failed, its numbers ({@link Evidence}; null otherwise).
 */
public record Item(String aspect, Outcome outcome, int failed, int total, String detail, String diagnosis,
        Evidence evidence) {

    /** Aspects that are not named after the method they exercise. */
    private static final Map<String, String> METHOD_OF_ASPECT = Map.of(
            GradientProbes.ASPECT, "backward",          // the backward against central differences
            "running statistics", "forward",            // BatchNorm updates them in its training forward
            "evaluation mode", "forward",
            "deep graph", "backward",
            "backward twice", "backward");

    /** An item without evidence. */
    public Item(String aspect, Outcome outcome, int failed, int total, String detail, String diagnosis) {
        this(aspect, outcome, failed, total, detail, diagnosis, null);
    }

    /**
     * The student method this aspect exercises, for the IDE to open it and mark it: the aspect's
     * leading word when it is a Java name ("forward", "backward (graphs)" → "backward", "step",
     * "fitLinear", "train"…), or the method of the few aspects named otherwise ("numeric gradient"
     * → "backward"). Null when the aspect is about the class as a whole; a name the class does not
     * declare should also send the IDE to the class.
     */
    public String method() {
        String m = METHOD_OF_ASPECT.get(aspect);
        if (m != null) {
            return m;
        }
        int end = 0;
        while (end < aspect.length() && Character.isJavaIdentifierPart(aspect.charAt(end))) {
            end++;
        }
        boolean wholeWord = end == aspect.length() || aspect.startsWith(" (", end);
        return end > 0 && wholeWord && Character.isJavaIdentifierStart(aspect.charAt(0)) ? aspect.substring(0, end)
                : null;
    }
}
