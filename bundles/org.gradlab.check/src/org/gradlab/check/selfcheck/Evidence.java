package org.gradlab.check.selfcheck;

import java.util.Arrays;
import java.util.Objects;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Tensor;

/**
 * The numbers behind a failed tensor comparison, for the IDE's "worst element / relative error"
 * columns and its expected-vs-actual scatter chart: the case and tensor, the worst element (its
 * index as text, e.g. "[1, 3]"), expected and actual there, the relative error, and the tensors'
 * values in row-major order. {@code expected} is what the student's value is judged against — the
 * public vector's value or the numeric (finite-difference) gradient — and {@code actual} the
 * student's; the labels say which ("PyTorch", "numeric gradient", "your backward"…).
 *
 * <p>The arrays hold at most {@link #MAX_VALUES} elements (the first ones): enough for every
 * tensor of the course's checks, and a report line stays small when a student's tensor is huge.
 * They are empty when there is nothing to plot (a tensor of the wrong shape, or none).
 */
public record Evidence(String caseName, String tensor, String worstIndex, double expected, double actual,
        double relativeError, double[] expectedValues, double[] actualValues, String expectedLabel,
        String actualLabel) {

    public static final int MAX_VALUES = 4096;

    public Evidence {
        expectedValues = capped(expectedValues);
        actualValues = capped(actualValues);
    }

    /**
     * The evidence of a failed comparison of {@code actual} against {@code expected} under the
     * tolerances it was judged by. Without a tensor, or with one of another shape, there is no
     * worst element: its index is "" and expected, actual are NaN, the relative error infinite
     * (the arrays then hold what there is, their lengths may differ).
     */
    static Evidence of(String caseName, String tensor, Tensor expected, Tensor actual, double rtol, double atol,
            String expectedLabel, String actualLabel) {
        double[] e = expected == null ? new double[0] : values(expected);
        double[] a = actual == null ? new double[0] : values(actual);
        if (expected == null || actual == null || !expected.sameShape(actual)) {
            return new Evidence(caseName, tensor, "", Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, e, a,
                    expectedLabel, actualLabel);
        }
        int worst = Math.max(0, TensorComparison.worstIndex(expected, actual, rtol, atol));
        double ew = expected.numel() == 0 ? Double.NaN : expected.getFlat(worst);
        double aw = actual.numel() == 0 ? Double.NaN : actual.getFlat(worst);
        return new Evidence(caseName, tensor, Arrays.toString(TensorComparison.unravel(worst, expected.shape())), ew,
                aw, TensorComparison.relativeError(aw, ew, atol), e, a, expectedLabel, actualLabel);
    }

    private static double[] values(Tensor t) {
        int n = Math.min(t.numel(), MAX_VALUES);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = t.getFlat(i);
        }
        return v;
    }

    private static double[] capped(double[] values) {
        if (values == null) {
            return new double[0];
        }
        return values.length > MAX_VALUES ? Arrays.copyOf(values, MAX_VALUES) : values.clone();
    }

    @Override
    public double[] expectedValues() {
        return expectedValues.clone();
    }

    @Override
    public double[] actualValues() {
        return actualValues.clone();
    }

    // arrays compare by content, so a report read back from JSON equals the one written
    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && Objects.equals(caseName, e.caseName) && Objects.equals(tensor, e.tensor)
                && Objects.equals(worstIndex, e.worstIndex) && Double.compare(expected, e.expected) == 0
                && Double.compare(actual, e.actual) == 0 && Double.compare(relativeError, e.relativeError) == 0
                && Arrays.equals(expectedValues, e.expectedValues) && Arrays.equals(actualValues, e.actualValues)
                && Objects.equals(expectedLabel, e.expectedLabel) && Objects.equals(actualLabel, e.actualLabel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseName, tensor, worstIndex, expected, actual, relativeError,
                Arrays.hashCode(expectedValues), Arrays.hashCode(actualValues), expectedLabel, actualLabel);
    }

    @Override
    public String toString() {
        return "Evidence[" + caseName + ", " + tensor + " " + worstIndex + ": expected " + expected + ", actual "
                + actual + ", relative error " + relativeError + ", " + expectedValues.length + " values]";
    }
}
