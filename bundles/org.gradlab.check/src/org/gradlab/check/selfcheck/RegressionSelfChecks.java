package org.gradlab.check.selfcheck;

import static org.gradlab.check.selfcheck.SelfCheck.guarded;

import java.util.List;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 04-losses' {@code losses.Regression}: fixed small problems whose answer is known. fitLinear on
 * noise-free data y = 2·x₁ − x₂ + 0.5 must recover those weights; fitLogistic on two well separated
 * clusters must classify every point.
 */
final class RegressionSelfChecks {
    static final String CLASS = "losses.Regression";
    private static final Class<?>[] FIT = {Tensor.class, Tensor.class, int.class, double.class};

    private RegressionSelfChecks() {
    }

    static void run(Student s, Tally tally, List<String> classNames) {
        if (!classNames.contains(CLASS)) {
            return;
        }
        Rng rng = new Rng(17);
        Tensor x = Tensor.randn(rng, 30, 2);
        guarded(s, tally, CLASS, "fitLinear", () -> linear(s, tally, x));
        guarded(s, tally, CLASS, "fitLogistic", () -> logistic(s, tally, x));
    }

    private static void linear(Student s, Tally tally, Tensor x) {
        Tensor want = Tensor.vector(2.0, -1.0, 0.5);
        Tensor y = Tensor.zeros(x.size(0));
        for (int i = 0; i < x.size(0); i++) {
            y.set(2 * x.get(i, 0) - x.get(i, 1) + 0.5, i);
        }
        Tensor got = (Tensor) s.callStatic(CLASS, "fitLinear", FIT, x.copy(), y, 500, 0.1);
        if (got == null || got.numel() != 3 || !got.reshape(3).allClose(want, 0, 1e-4)) {
            tally.add(CLASS, "fitLinear", Outcome.FAILED, "y = 2·x1 − x2 + 0.5 on 30 points, 500 steps of lr 0.1:"
                    + " expected [2, -1, 0.5] (weights, then bias), got " + (got == null ? "null" : got), null);
        } else {
            tally.pass(CLASS, "fitLinear");
        }
    }

    private static void logistic(Student s, Tally tally, Tensor noise) {
        int n = noise.size(0);
        Tensor x = noise.mul(0.3);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) { // two clusters around (±2, ±2)
            double side = i % 2 == 0 ? 1 : -1;
            x.set(x.get(i, 0) + 2 * side, i, 0);
            x.set(x.get(i, 1) + 2 * side, i, 1);
            y.set(side > 0 ? 1 : 0, i);
        }
        Tensor got = (Tensor) s.callStatic(CLASS, "fitLogistic", FIT, x, y, 100, 0.5);
        int wrong = 0;
        for (int i = 0; got != null && got.numel() == 3 && i < n; i++) {
            double z = got.getFlat(0) * x.get(i, 0) + got.getFlat(1) * x.get(i, 1) + got.getFlat(2);
            wrong += (z > 0) == (y.get(i) > 0.5) ? 0 : 1;
        }
        if (got == null || got.numel() != 3 || wrong > 0) {
            tally.add(CLASS, "fitLogistic", Outcome.FAILED, "two separated clusters, 100 steps of lr 0.5: "
                    + (got == null || got.numel() != 3 ? "expected 3 parameters (weights, then bias), got " + got
                            : wrong + " of " + n + " points misclassified"), null);
        } else {
            tally.pass(CLASS, "fitLogistic");
        }
    }
}
