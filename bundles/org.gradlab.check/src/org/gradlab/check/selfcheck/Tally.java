package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects case results per class and aspect. An aspect keeps its worst outcome and the message
 * of the first case that reached it, so a report shows one line per aspect, not one per case.
 */
final class Tally {
    private static final class Aspect {
        Outcome outcome;
        int failed;
        int total;
        String detail = "";
        String diagnosis;
        Evidence evidence;
    }

    private final Map<String, Map<String, Aspect>> classes = new LinkedHashMap<>();
    private final List<Curve> curves = new ArrayList<>();

    /** Declares a class so that it is reported in this order even before (or without) a result. */
    void declare(String className) {
        classes.computeIfAbsent(className, k -> new LinkedHashMap<>());
    }

    void pass(String className, String aspect) {
        add(className, aspect, Outcome.PASSED, "", null);
    }

    void add(String className, String aspect, Outcome outcome, String detail, String diagnosis) {
        add(className, aspect, outcome, detail, diagnosis, null);
    }

    /** A case result; {@code evidence} (nullable) are the numbers of a failed tensor comparison. */
    void add(String className, String aspect, Outcome outcome, String detail, String diagnosis, Evidence evidence) {
        Aspect a = classes.computeIfAbsent(className, k -> new LinkedHashMap<>()).computeIfAbsent(aspect,
                k -> new Aspect());
        a.total++;
        if (outcome == Outcome.FAILED || outcome == Outcome.MISSING) {
            a.failed++;
        }
        if (a.outcome == null || outcome.compareTo(a.outcome) > 0) {
            a.outcome = outcome;
            a.detail = detail;
            a.diagnosis = diagnosis;
            a.evidence = evidence;
        }
    }

    /** True when some aspect of the class is already MISSING: no use trying its other cases. */
    boolean missing(String className) {
        return classes.getOrDefault(className, Map.of()).values().stream()
                .anyMatch(a -> a.outcome == Outcome.MISSING);
    }

    /** A chart of what a training check saw (loss, accuracy per epoch). */
    void curve(Curve curve) {
        curves.add(curve);
    }

    List<Curve> curves() {
        return List.copyOf(curves);
    }

    List<ClassReport> reports() {
        List<ClassReport> out = new ArrayList<>();
        classes.forEach((cls, aspects) -> {
            if (aspects.isEmpty()) {
                return;
            }
            List<Item> items = new ArrayList<>();
            aspects.forEach((name, a) -> items.add(new Item(name, a.outcome, a.failed, a.total, a.detail,
                    a.diagnosis, a.evidence)));
            out.add(new ClassReport(cls, List.copyOf(items)));
        });
        return out;
    }
}
