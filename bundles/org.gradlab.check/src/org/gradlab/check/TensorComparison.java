package org.gradlab.check;

import java.util.Arrays;

import org.gradlab.core.Tensor;

/**
 * Compares tensors element by element with |a − e| ≤ atol + rtol·|e| and reports the worst
 * element (by the ratio of its error to its allowance), never a matrix dump.
 */
public final class TensorComparison {
    private TensorComparison() {
    }

    public static Comparison compare(String name, Tensor expected, Tensor actual, double rtol, double atol) {
        if (actual == null) {
            return new Comparison(name, false, Double.POSITIVE_INFINITY, name + ": no tensor was returned (null)");
        }
        if (!expected.sameShape(actual)) {
            return new Comparison(name, false, Double.POSITIVE_INFINITY, name + ": shape "
                    + Arrays.toString(actual.shape()) + " but expected " + Arrays.toString(expected.shape()));
        }
        Scan scan = scan(expected, actual, rtol, atol);
        int worst = scan.worst;
        int nonFinite = scan.nonFinite;
        double maxError = scan.maxError;
        // Norm-wise: the largest error against the tensor's largest magnitude, so tiny expected
        // entries (where only atol matters) do not dominate the summary figure.
        double worstRel = nonFinite > 0 ? Double.POSITIVE_INFINITY
                : maxError == 0 ? 0.0 : maxError / Math.max(scan.scale, Math.max(atol, Double.MIN_NORMAL));
        if (worst < 0 || scan.worstRatio <= 1.0) {
            return new Comparison(name, true, worstRel, name + ": ok (" + expected.numel()
                    + " elements, worst relative error " + format(worstRel) + ")");
        }
        int[] index = unravel(worst, expected.shape());
        double e = expected.getFlat(worst);
        double a = actual.getFlat(worst);
        String detail = nonFinite > 0
                ? nonFinite + " element(s) are NaN or infinite; first at " + Arrays.toString(index)
                        + ": expected " + e + ", got " + a
                : "worst element " + Arrays.toString(index) + ": expected " + e + ", got " + a
                        + " (relative error " + format(relativeError(a, e, atol))
                        + ", allowed rtol " + rtol + " atol " + atol + ")";
        return new Comparison(name, false, worstRel, name + ": mismatch, " + detail);
    }

    /**
     * The flat index of the element that fails worst — a NaN or wrong infinity first, else the one
     * with the largest ratio of its error to its allowance atol + rtol·|e| — or -1 when the tensors
     * are equal. Both tensors must have the same shape.
     */
    public static int worstIndex(Tensor expected, Tensor actual, double rtol, double atol) {
        return scan(expected, actual, rtol, atol).worst;
    }

    private record Scan(int worst, double worstRatio, double maxError, double scale, int nonFinite) {
    }

    private static Scan scan(Tensor expected, Tensor actual, double rtol, double atol) {
        int worst = -1;
        double worstRatio = 0.0;
        double maxError = 0.0;
        double scale = 0.0;
        int nonFinite = 0;
        for (int i = 0; i < expected.numel(); i++) {
            double e = expected.getFlat(i);
            double a = actual.getFlat(i);
            if (Double.isNaN(a) || Double.isInfinite(a) && a != e) {
                nonFinite++;
                if (worstRatio != Double.POSITIVE_INFINITY) {
                    worst = i;
                    worstRatio = Double.POSITIVE_INFINITY;
                }
                continue;
            }
            double err = a == e ? 0.0 : Math.abs(a - e);
            double ratio = err / (atol + rtol * Math.abs(e));
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = i;
            }
            maxError = Math.max(maxError, err);
            scale = Math.max(scale, Math.abs(e));
        }
        return new Scan(worst, worstRatio, maxError, scale, nonFinite);
    }

    /** True when no element is NaN or infinite (what the overflow diagnoses ask of a result). */
    public static boolean allFinite(Tensor t) {
        for (int i = 0; i < t.numel(); i++) {
            if (!Double.isFinite(t.getFlat(i))) {
                return false;
            }
        }
        return true;
    }

    /** |a − e| / max(|e|, atol): relative where e is not tiny, absolute against atol where it is. */
    public static double relativeError(double a, double e, double atol) {
        return a == e ? 0.0 : Math.abs(a - e) / Math.max(Math.abs(e), Math.max(atol, Double.MIN_NORMAL));
    }

    /** Row-major position → index. */
    public static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return index;
    }

    static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
