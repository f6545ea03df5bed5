package org.gradlab.check.selfcheck;

import java.util.List;
import java.util.Map;

import org.gradlab.check.vectors.VectorFormatException;

/** A vector case's attributes with typed getters; a missing or mistyped attribute names the case. */
record CaseAttrs(String where, Map<String, Object> values) {

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new VectorFormatException(where + ": attribute \"" + name + "\" is missing");
        }
        return v;
    }

    int integer(String name) {
        if (get(name) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new VectorFormatException(where + ": attribute \"" + name + "\" must be an integer");
    }

    double number(String name) {
        if (get(name) instanceof Number n) {
            return n.doubleValue();
        }
        throw new VectorFormatException(where + ": attribute \"" + name + "\" must be a number");
    }

    double number(String name, double otherwise) {
        return values.containsKey(name) ? number(name) : otherwise;
    }

    boolean flag(String name) {
        if (get(name) instanceof Boolean b) {
            return b;
        }
        throw new VectorFormatException(where + ": attribute \"" + name + "\" must be true or false");
    }

    boolean flag(String name, boolean otherwise) {
        return values.containsKey(name) ? flag(name) : otherwise;
    }

    String text(String name) {
        if (get(name) instanceof String s) {
            return s;
        }
        throw new VectorFormatException(where + ": attribute \"" + name + "\" must be a string");
    }

    /** A list of integers, e.g. a 2-d pair [h, w] or a normalized shape. */
    int[] integers(String name) {
        if (get(name) instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
            return list.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        }
        throw new VectorFormatException(where + ": attribute \"" + name + "\" must be a list of integers");
    }

    int[] pair(String name, int otherwise) {
        return values.containsKey(name) ? integers(name) : new int[] {otherwise, otherwise};
    }

    double[] numbers(String name) {
        if (get(name) instanceof List<?> list && list.stream().allMatch(x -> x instanceof Number)) {
            return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        }
        throw new VectorFormatException(where + ": attribute \"" + name + "\" must be a list of numbers");
    }

    /** Fails with a clear message when the case uses a setting the student classes do not have. */
    void require(boolean supported, String what) {
        if (!supported) {
            throw new UnsupportedCase(where + ": the exercise's classes do not support " + what);
        }
    }

    /** A vector case the self-check cannot map onto the student's classes (a course bug, not the student's). */
    static final class UnsupportedCase extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedCase(String message) {
            super(message);
        }
    }
}
