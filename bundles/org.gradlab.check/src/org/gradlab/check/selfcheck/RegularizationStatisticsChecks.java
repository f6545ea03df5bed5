package org.gradlab.check.selfcheck;

import static org.gradlab.check.selfcheck.SelfCheck.guarded;

import java.util.List;
import java.util.Locale;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 10-regularization's L2 (penalty and accumulated gradient on hand-computed values) and
 * ActivationStatistics (Kaiming + ReLU keeps the activation std in [0.5, 2] over 20 layers, a
 * 0.01 init collapses it below 1e-3).
 */
final class RegularizationStatisticsChecks {
    static final String L2 = "regularization.L2";
    static final String STATS = "regularization.ActivationStatistics";
    private static final Class<?>[] L2_SIGNATURE = {List.class, double.class};
    private static final Class<?>[] STATS_SIGNATURE = {int.class, int.class, String.class, String.class, Rng.class};

    private RegularizationStatisticsChecks() {
    }

    static void run(Student s, Tally tally, List<String> classNames) {
        if (classNames.contains(L2)) {
            guarded(s, tally, L2, "penalty", () -> penalty(s, tally));
            guarded(s, tally, L2, "addGradient", () -> addGradient(s, tally));
        }
        if (classNames.contains(STATS)) {
            guarded(s, tally, STATS, "stdPerLayer", () -> stats(s, tally));
        }
    }

    /** w1 = [1, −2], w2 = [[3]]: Σw² = 14, so λ = 0.5 gives 3.5. */
    private static List<Parameter> params() {
        Parameter a = new Parameter("w1", Tensor.of(new double[] {1, -2}, 2));
        Parameter b = new Parameter("w2", Tensor.of(new double[] {3}, 1, 1));
        a.accumulateGrad(Tensor.of(new double[] {1, 1}, 2));
        return List.of(a, b);
    }

    private static void penalty(Student s, Tally tally) {
        double p = (Double) s.callStatic(L2, "penalty", L2_SIGNATURE, params(), 0.5);
        if (Math.abs(p - 3.5) < 1e-12) {
            tally.pass(L2, "penalty");
        } else {
            tally.add(L2, "penalty", Outcome.FAILED, "penalty([1, −2], [[3]]; λ = 0.5) = " + p
                    + ", expected λ/2·Σw² = 3.5", Math.abs(p - 7) < 1e-12 ? "the 1/2 is missing" : null);
        }
    }

    private static void addGradient(Student s, Tally tally) {
        List<Parameter> ps = params();
        s.callStatic(L2, "addGradient", L2_SIGNATURE, ps, 0.5);
        Tensor g1 = ps.get(0).grad();
        Tensor g2 = ps.get(1).grad();
        if (g1.allClose(Tensor.of(new double[] {1.5, 0}, 2), 1e-12, 1e-12)
                && g2.allClose(Tensor.of(new double[] {1.5}, 1, 1), 1e-12, 1e-12)) {
            tally.pass(L2, "addGradient");
        } else {
            tally.add(L2, "addGradient", Outcome.FAILED, "grads [1, 1] and [[0]] plus λ·w (λ = 0.5, w = [1, −2],"
                    + " [[3]]) should be [1.5, 0] and [[1.5]], got " + g1 + " and " + g2,
                    g1.allClose(Tensor.of(new double[] {0.5, -1}, 2), 1e-12, 1e-12)
                            ? "the grad overwritten instead of accumulated" : null);
        }
    }

    private static void stats(Student s, Tally tally) {
        double[] he = (double[]) s.callStatic(STATS, "stdPerLayer", STATS_SIGNATURE, 20, 64, "kaiming", "relu",
                new Rng(2)); // at width 64 about half the seeds random-walk out of [0.5, 2]; seed 2 stays in 0.65–1.13
        double[] small = (double[]) s.callStatic(STATS, "stdPerLayer", STATS_SIGNATURE, 10, 64, "small", "tanh",
                new Rng(2));
        String problem = null;
        if (he == null || he.length != 20 || small == null || small.length != 10) {
            problem = "stdPerLayer must return one std per layer (depth values)";
        } else {
            for (int l = 0; l < 20 && problem == null; l++) {
                if (!(he[l] >= 0.5 && he[l] <= 2)) {
                    problem = String.format(Locale.ROOT, "kaiming + relu, width 64: layer %d has std %.4g, expected"
                            + " it to stay within [0.5, 2]", l + 1, he[l]);
                }
            }
            if (problem == null && !(small[9] < 1e-3)) {
                problem = String.format(Locale.ROOT, "small N(0, 0.01²) + tanh, width 64: std after layer 10 is %.4g,"
                        + " expected below 1e-3", small[9]);
            }
        }
        if (problem == null) {
            tally.pass(STATS, "stdPerLayer");
        } else {
            tally.add(STATS, "stdPerLayer", Outcome.FAILED, problem, null);
        }
    }
}
