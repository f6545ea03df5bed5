package org.gradlab.check.selfcheck;

import java.util.List;

/** The self-check of one student class, aspect by aspect, in the order they were first tried. */
public record ClassReport(String className, List<Item> items) {

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** NOT_STARTED only when every aspect is; otherwise the worst outcome of a started aspect. */
    public Outcome outcome() {
        if (items.stream().allMatch(i -> i.outcome() == Outcome.NOT_STARTED)) {
            return Outcome.NOT_STARTED;
        }
        Outcome worst = Outcome.PASSED;
        for (Item i : items) {
            if (i.outcome() != Outcome.NOT_STARTED && i.outcome().compareTo(worst) > 0) {
                worst = i.outcome();
            }
        }
        return worst;
    }

    /** Every aspect passed. */
    public boolean done() {
        return !items.isEmpty() && items.stream().allMatch(i -> i.outcome() == Outcome.PASSED);
    }
}
