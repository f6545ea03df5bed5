package org.gradlab.grader.specs;

import java.util.Arrays;

import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.loss.BCEWithLogitsLoss;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.Verdict;

/**
 * 04-losses, "trained with them": {@code losses.Regression} fits linear and logistic regression by
 * gradient descent on the student's own MSELoss / BCEWithLogitsLoss. Linear regression is judged
 * against the closed-form least-squares solution of the same data; logistic regression on linearly
 * separable data by its training accuracy and a loss that falls with more steps. Both count to
 * FORWARD: they use the losses' values and gradients end to end.
 */
final class RegressionChecks {
    static final String CLASS = "losses.Regression";
    private static final Class<?>[] FIT = {Tensor.class, Tensor.class, int.class, double.class};
    private static final int LINEAR_STEPS = 500;
    private static final double LINEAR_LR = 0.1;
    /** Gradient descent contracts by ≤ 0.97 per step on these data: 500 steps leave ~1e-7. */
    private static final double LINEAR_TOLERANCE = 1e-4;
    private static final int LOGISTIC_STEPS = 300;
    private static final double LOGISTIC_LR = 0.5;
    private static final double MIN_ACCURACY = 0.95;

    private RegressionChecks() {
    }

    static void check(Grading g, StudentCode code, Rng rng) {
        int n = 30 + rng.nextInt(20);
        int d = 2 + rng.nextInt(3);
        Tensor x = Tensor.randn(rng, n, d);
        Tensor trueW = Tensor.randn(rng, d);
        double trueB = rng.uniform(-1, 1);
        Tensor y = x.matmul(trueW.reshape(d, 1)).reshape(n).add(trueB).add(Tensor.randn(rng, n).mul(0.05));
        g.check(Part.FORWARD, "Regression/fitLinear recovers the least-squares weights (N=" + n + ", D=" + d + ")",
                () -> linear(code, x, y, trueW, trueB));

        int m = 40 + rng.nextInt(20);
        int e = 2 + rng.nextInt(2);
        Tensor w = Tensor.randn(rng, e);
        double b = rng.uniform(-0.5, 0.5);
        Tensor xs = separable(rng, m, w, b);
        Tensor labels = xs.matmul(w.reshape(e, 1)).reshape(m).add(b).gt(0.0);
        g.check(Part.FORWARD, "Regression/fitLogistic separates separable data (N=" + m + ", D=" + e + ")",
                () -> logistic(code, xs, labels));
    }

    private static Verdict linear(StudentCode code, Tensor x, Tensor y, Tensor trueW, double trueB) {
        int d = x.size(1);
        Tensor got = fit(code, "fitLinear", x, y, LINEAR_STEPS, LINEAR_LR);
        Tensor want = leastSquares(x, y);
        String truth = " (true weights " + fmt(trueW) + ", bias " + round(trueB) + ")";
        if (got == null || got.numel() != d + 1) {
            return Verdict.fail("fitLinear must return the " + (d + 1) + " parameters w_1 … w_" + d
                    + " then the bias, got " + (got == null ? "null" : "shape " + Arrays.toString(got.shape())));
        }
        got = got.reshape(d + 1);
        double err = maxAbsDiff(want, got);
        if (err <= LINEAR_TOLERANCE) {
            return Verdict.pass("weights within " + round(err) + " of the least-squares solution" + truth);
        }
        String diagnosis = maxAbsDiff(want, biasFirst(got)) <= LINEAR_TOLERANCE
                ? "bias returned first instead of last" : null;
        return Verdict.fail("after " + LINEAR_STEPS + " steps of lr " + LINEAR_LR + ": expected " + fmt(want)
                + " (closed-form least squares), got " + fmt(got) + truth, diagnosis);
    }

    private static Verdict logistic(StudentCode code, Tensor x, Tensor y) {
        int d = x.size(1);
        Tensor early = fit(code, "fitLogistic", x, y, LOGISTIC_STEPS / 3, LOGISTIC_LR);
        Tensor last = fit(code, "fitLogistic", x, y, LOGISTIC_STEPS, LOGISTIC_LR);
        for (Tensor w : new Tensor[] {early, last}) {
            if (w == null || w.numel() != d + 1) {
                return Verdict.fail("fitLogistic must return the " + (d + 1) + " parameters w_1 … w_" + d
                        + " then the bias, got " + (w == null ? "null" : "shape " + Arrays.toString(w.shape())));
            }
        }
        double accuracy = accuracy(x, y, last.reshape(d + 1));
        double start = Math.log(2); // the loss at the all-zero start: every σ(0) = 1/2
        double lossEarly = loss(x, y, early.reshape(d + 1));
        double lossLast = loss(x, y, last.reshape(d + 1));
        String losses = "loss " + round(start) + " → " + round(lossEarly) + " (" + LOGISTIC_STEPS / 3 + " steps) → "
                + round(lossLast) + " (" + LOGISTIC_STEPS + " steps)";
        if (!(lossEarly < start && lossLast < lossEarly)) {
            return Verdict.fail("the loss does not decrease with more gradient-descent steps: " + losses,
                    lossLast > start ? "the update goes uphill: w + lr·grad instead of w − lr·grad?" : null);
        }
        if (accuracy < MIN_ACCURACY) {
            return Verdict.fail("training accuracy " + round(100 * accuracy) + "% < " + round(100 * MIN_ACCURACY)
                    + "% on linearly separable data; " + losses);
        }
        return Verdict.pass("training accuracy " + round(100 * accuracy) + "%, " + losses);
    }

    // ---------------------------------------------------------------- data and reference math

    /** Points at least 0.2·|w| from the separating plane x·w + b = 0, so 95% is reachable quickly. */
    private static Tensor separable(Rng rng, int n, Tensor w, double b) {
        int d = w.numel();
        double gap = 0.2 * Math.sqrt(w.square().sumAll());
        Tensor x = Tensor.zeros(n, d);
        for (int i = 0; i < n; i++) {
            double margin;
            double[] row = new double[d];
            do {
                margin = b;
                for (int j = 0; j < d; j++) {
                    row[j] = rng.normal();
                    margin += row[j] * w.get(j);
                }
            } while (Math.abs(margin) < gap);
            for (int j = 0; j < d; j++) {
                x.set(row[j], i, j);
            }
        }
        return x;
    }

    /** Solves the normal equations [X 1]ᵀ[X 1]·θ = [X 1]ᵀy by Gaussian elimination with pivoting. */
    static Tensor leastSquares(Tensor x, Tensor y) {
        int n = x.size(0);
        int k = x.size(1) + 1;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                double xi = i < k - 1 ? x.get(r, i) : 1.0;
                for (int j = 0; j < k; j++) {
                    a[i][j] += xi * (j < k - 1 ? x.get(r, j) : 1.0);
                }
                a[i][k] += xi * y.get(r);
            }
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                pivot = Math.abs(a[r][c]) > Math.abs(a[pivot][c]) ? r : pivot;
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < k; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= k; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] theta = new double[k];
        for (int i = 0; i < k; i++) {
            theta[i] = a[i][k] / a[i][i];
        }
        return Tensor.vector(theta);
    }

    private static Tensor logits(Tensor x, Tensor theta) {
        int d = x.size(1);
        return x.matmul(theta.slice(0, 0, d).reshape(d, 1)).reshape(x.size(0)).add(theta.get(d));
    }

    private static double loss(Tensor x, Tensor y, Tensor theta) {
        return new BCEWithLogitsLoss(Reduction.MEAN).forward(logits(x, theta), y);
    }

    private static double accuracy(Tensor x, Tensor y, Tensor theta) {
        Tensor z = logits(x, theta);
        int right = 0;
        for (int i = 0; i < y.numel(); i++) {
            right += (z.get(i) > 0) == (y.get(i) > 0.5) ? 1 : 0;
        }
        return (double) right / y.numel();
    }

    private static Tensor fit(StudentCode code, String method, Tensor x, Tensor y, int steps, double lr) {
        return (Tensor) code.callStatic(CLASS, method, FIT, x.copy(), y.copy(), steps, lr);
    }

    private static Tensor biasFirst(Tensor got) {
        int k = got.numel();
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = got.get((i + 1) % k);
        }
        return Tensor.vector(v);
    }

    private static double maxAbsDiff(Tensor a, Tensor b) {
        double m = 0;
        for (int i = 0; i < a.numel(); i++) {
            double diff = Math.abs(a.getFlat(i) - b.getFlat(i));
            m = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.max(m, diff);
        }
        return m;
    }

    private static String fmt(Tensor t) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < t.numel(); i++) {
            s.append(i == 0 ? "" : ", ").append(round(t.getFlat(i)));
        }
        return s.append(']').toString();
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
