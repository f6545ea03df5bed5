package org.gradlab.ui.check;

import org.gradlab.check.selfcheck.Item;

/**
 * The message of a problem marker for a failed aspect, one line as the Problems view shows it:
 * "GradLab: backward: sign flipped — grad input[2,1] expected -0.31, got 0.31 (rel err 2.0)".
 */
public final class MarkerText {
    public static final String PREFIX = "GradLab: ";

    private MarkerText() {
    }

    public static String of(Item item) {
        StringBuilder s = new StringBuilder(PREFIX).append(item.aspect()).append(": ");
        if (item.diagnosis() != null && !item.diagnosis().isBlank()) {
            s.append(item.diagnosis()).append(" — ");
        }
        s.append(item.detail() == null || item.detail().isBlank() ? item.outcome().toString().toLowerCase()
                : item.detail());
        if (item.total() > 1) {
            s.append(" [").append(item.failed()).append(" of ").append(item.total()).append(" cases]");
        }
        // the Problems view shows one line
        return s.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
