package org.gradlab.engine.ops;

import java.util.List;
import java.util.Map;

/**
 * Attributes of one op call as parsed from JSON (numbers, booleans, strings, lists), with typed
 * getters whose errors name the op, the attribute, what was expected and what came.
 */
public final class Attrs {
    private final String op;
    private final Map<String, Object> values;

    public Attrs(String op, Map<String, Object> values) {
        this.op = op;
        this.values = values == null ? Map.of() : values;
    }

    public String op() {
        return op;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    private IllegalArgumentException wrong(String key, String expected) {
        Object v = values.get(key);
        return new IllegalArgumentException(op + ": attribute '" + key + "' expected " + expected + ", got "
                + (v == null ? "nothing" : v + " (" + v.getClass().getSimpleName() + ")"));
    }

    public double real(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (values.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw wrong(key, "a number");
    }

    public double real(String key) {
        if (!has(key)) {
            throw wrong(key, "a number");
        }
        return real(key, 0);
    }

    public int integer(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (values.get(key) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw wrong(key, "an integer");
    }

    public int integer(String key) {
        if (!has(key)) {
            throw wrong(key, "an integer");
        }
        return integer(key, 0);
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (values.get(key) instanceof Boolean b) {
            return b;
        }
        throw wrong(key, "true or false");
    }

    public String string(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (values.get(key) instanceof String s) {
            return s;
        }
        throw wrong(key, "a string");
    }

    /** A list of integers; a single integer is accepted as a list of one. */
    public int[] ints(String key, int[] fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Number) {
            return new int[] {integer(key)};
        }
        if (v instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw wrong(key, "a list of integers");
                }
                out[i] = ((Number) list.get(i)).intValue();
            }
            return out;
        }
        throw wrong(key, "a list of integers");
    }

    /** A 2-d attribute: a pair of integers, or one integer used for both (PyTorch's convention). */
    public int[] pair(String key, int[] fallback) {
        int[] v = ints(key, fallback);
        if (v.length == 1) {
            return new int[] {v[0], v[0]};
        }
        if (v.length != 2) {
            throw wrong(key, "an integer or a pair of integers");
        }
        return v;
    }

    public int[] pair(String key) {
        if (!has(key)) {
            throw wrong(key, "an integer or a pair of integers");
        }
        return pair(key, null);
    }

    /** A list of numbers, e.g. Adam's betas. */
    public double[] reals(String key, double[] fallback) {
        if (!has(key)) {
            return fallback;
        }
        if (values.get(key) instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw wrong(key, "a list of numbers");
                }
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw wrong(key, "a list of numbers");
    }
}
