package org.gradlab.check.diagnose;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Tensor;

/**
 * Matches a wrong tensor against the known-mistake patterns and names the one that fits:
 * generic ones (sign flipped, transposed, off by a constant factor, missing sum over a
 * broadcast axis, NaN from overflow, wrong only at boundary positions) and the spec's own known
 * wrong variants (e.g. "batch norm backward without the mean terms"), each given as the tensor
 * that mistake would produce.
 */
public final class MistakeDiagnosis {
    private static final double RTOL = 1e-6;
    private static final double ATOL = 1e-9;

    private final Map<String, Double> factors = new LinkedHashMap<>();
    private final Map<String, Tensor> variants = new LinkedHashMap<>();
    private Tensor boundary;
    private String boundaryName;

    /** Scale factors worth naming, e.g. factor("the batch size", N) or factor("2", 2). */
    public MistakeDiagnosis factor(String name, double value) {
        factors.put(name, value);
        return this;
    }

    /** A known wrong result: what {@code description} would produce for this case. */
    public MistakeDiagnosis variant(String description, Tensor wouldProduce) {
        variants.put(description, wouldProduce);
        return this;
    }

    /** Positions (1 = boundary) where a wrong mask shows, e.g. inputs exactly at 0 for ReLU. */
    public MistakeDiagnosis boundary(String name, Tensor mask) {
        this.boundary = mask;
        this.boundaryName = name;
        return this;
    }

    /** The name of the matching mistake, or null when none fits. */
    public String diagnose(Tensor expected, Tensor actual) {
        if (actual == null || expected == null) {
            return null;
        }
        for (Map.Entry<String, Tensor> v : variants.entrySet()) {
            if (sameIncludingNaN(v.getValue(), actual)) {
                return v.getKey();
            }
        }
        if (!TensorComparison.allFinite(actual) && TensorComparison.allFinite(expected)) {
            return "NaN or infinity where the true values are finite: an overflow (e.g. exp of a large"
                    + " number: subtract the maximum first, or use a numerically stable formula)";
        }
        if (!expected.sameShape(actual)) {
            return shapeMistake(expected, actual);
        }
        if (close(expected.neg(), actual) && expected.abs().maxAll() > ATOL) {
            return "sign flipped: the gradient has the right size but the opposite sign";
        }
        if (expected.dim() == 2 && expected.size(0) == expected.size(1) && close(expected.t(), actual)
                && !close(expected, expected.t())) {
            return "transposed: the result equals the transpose of the right one";
        }
        for (Map.Entry<String, Double> f : factors.entrySet()) {
            if (close(expected.mul(f.getValue()), actual)) {
                return "off by a factor of " + f.getKey() + " (" + format(f.getValue()) + ")";
            }
            if (close(expected.div(f.getValue()), actual)) {
                String name = f.getKey().contains(" ") ? "(" + f.getKey() + ")" : f.getKey();
                return "off by a factor of 1/" + name + " (" + format(1 / f.getValue()) + ")";
            }
        }
        if (boundary != null && boundary.sameShape(expected)) {
            Tensor inside = boundary.rsub(1.0);
            if (boundary.sumAll() > 0 && close(expected.mul(inside), actual.mul(inside))) {
                return "wrong only at " + boundaryName + ": check the mask / condition used there";
            }
        }
        return null;
    }

    private static String shapeMistake(Tensor expected, Tensor actual) {
        int[] e = expected.shape();
        int[] a = actual.shape();
        if (e.length == 2 && a.length == 2 && e[0] == a[1] && e[1] == a[0] && close(expected.t(), actual)) {
            return "transposed: shape " + Arrays.toString(a) + " instead of " + Arrays.toString(e);
        }
        try {
            if (close(expected, actual.sumTo(e))) {
                return "missing sum over a broadcast axis: the gradient of a broadcast operand must be summed"
                        + " back to its shape " + Arrays.toString(e) + " (got " + Arrays.toString(a) + ")";
            }
        } catch (IllegalArgumentException notBroadcast) {
            // shapes unrelated by broadcasting
        }
        return null;
    }

    private static boolean close(Tensor expected, Tensor actual) {
        return expected.sameShape(actual) && actual.allClose(expected, RTOL, ATOL);
    }

    /** Like {@link #close}, but NaN matches NaN: a known mistake may itself produce NaN (e.g. a fully masked row). */
    private static boolean sameIncludingNaN(Tensor expected, Tensor actual) {
        if (!expected.sameShape(actual)) {
            return false;
        }
        for (int i = 0; i < expected.numel(); i++) {
            double e = expected.getFlat(i);
            double a = actual.getFlat(i);
            boolean ok = Double.isNaN(e) ? Double.isNaN(a) : a == e || Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v)
                : new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
