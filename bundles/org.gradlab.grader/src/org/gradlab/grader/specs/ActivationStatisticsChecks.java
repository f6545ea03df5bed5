package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.Locale;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.Init;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.Verdict;

/**
 * ActivationStatistics of exercise 10: the per-layer activation std of a deep bias-free stack,
 * against the same computation with the reference Init and the same Rng stream, plus the facts the
 * experiment is about (Kaiming + ReLU keeps the scale at depth 20, a 0.01 init collapses it).
 */
final class ActivationStatisticsChecks {
    private static final String CLASS = "regularization.ActivationStatistics";
    private static final Class<?>[] SIGNATURE = {int.class, int.class, String.class, String.class, Rng.class};
    /** Must match the student's ActivationStatistics.BATCH. */
    private static final int BATCH = 128;
    private static final double RTOL = 1e-9;
    private static final double ATOL = 1e-12;
    private static final String[] ACTIVATIONS = {"tanh", "relu"};

    private final Grading g;
    private final Rng r;

    private ActivationStatisticsChecks(Grading g) {
        this.g = g;
        this.r = g.rng("activation-statistics");
    }

    static void run(Grading g) {
        new ActivationStatisticsChecks(g).all();
    }

    private void all() {
        for (String init : new String[] {"xavier", "kaiming"}) {
            matches(1 + r.nextInt(6), 8 + r.nextInt(25), init, ACTIVATIONS[r.nextInt(2)], r.nextInt(Integer.MAX_VALUE));
        }
        matches(3 + r.nextInt(4), 8 + r.nextInt(25), "small", ACTIVATIONS[r.nextInt(2)], r.nextInt(Integer.MAX_VALUE));
        long seed = typicalKaimingSeed();
        g.check(Part.EDGE_CASES, "ActivationStatistics kaiming + relu, depth 20, width 64: std stays in [0.5, 2]",
                () -> {
                    double[] s = student(20, 64, "kaiming", "relu", seed);
                    for (int l = 0; l < s.length; l++) {
                        if (!(s[l] >= 0.5 && s[l] <= 2)) {
                            return Verdict.fail("layer " + (l + 1) + " has std " + fmt(s[l]) + "; He init (variance"
                                    + " 2/fan_in) should keep it near 0.83 at every depth");
                        }
                    }
                    return Verdict.pass("std after layer 20: " + fmt(s[19]));
                });
        String act = ACTIVATIONS[r.nextInt(2)];
        long seed2 = r.nextInt(Integer.MAX_VALUE);
        g.check(Part.EDGE_CASES, "ActivationStatistics small N(0, 0.01²) + " + act + ", depth 10, width 64: collapses",
                () -> {
                    double[] s = student(10, 64, "small", act, seed2);
                    return s[9] < 1e-3 ? Verdict.pass("std after layer 10: " + fmt(s[9]))
                            : Verdict.fail("std after layer 10 is " + fmt(s[9]) + ", expected below 1e-3: each layer"
                                    + " scales the std by about 0.01·√64 = 0.08");
                });
    }

    /**
     * At width 64 one draw in a few random-walks out of [0.5, 2] within 20 layers (the ReLU outputs'
     * mean direction sees a χ²₆₄ gain per layer): redraw until the reference stays inside, so a
     * correct solution always passes and the check is about the scale, not the luck of the draw.
     */
    private long typicalKaimingSeed() {
        for (int attempt = 0; ; attempt++) {
            long seed = r.nextInt(Integer.MAX_VALUE);
            if (attempt == 100 || Arrays.stream(reference(20, 64, "kaiming", "relu", new Rng(seed)))
                    .allMatch(s -> s >= 0.5 && s <= 2)) {
                return seed;
            }
        }
    }

    private double[] student(int depth, int width, String init, String activation, long seed) {
        Object out = g.code().callStatic(CLASS, "stdPerLayer", SIGNATURE, depth, width, init, activation,
                new Rng(seed));
        if (!(out instanceof double[] s) || s.length != depth) {
            throw new StudentFault("stdPerLayer(depth " + depth + ", …) must return " + depth
                    + " values, one per layer, got " + (out instanceof double[] d ? d.length + " values" : "null"), false, false, null);
        }
        return s;
    }

    private void matches(int depth, int width, String init, String activation, long seed) {
        String name = "ActivationStatistics.stdPerLayer(depth " + depth + ", width " + width + ", " + init + ", "
                + activation + ")";
        g.check(Part.FORWARD, name, () -> {
            double[] expected = reference(depth, width, init, activation, new Rng(seed));
            double[] actual = student(depth, width, init, activation, seed);
            for (int l = 0; l < depth; l++) {
                if (!(Math.abs(actual[l] - expected[l]) <= ATOL + RTOL * Math.abs(expected[l]))) {
                    return Verdict.fail("layer " + (l + 1) + ": std " + fmt(actual[l]) + ", expected "
                            + fmt(expected[l]) + " (expected per layer " + Arrays.toString(expected) + ")",
                            diagnose(depth, width, init, activation, seed, actual));
                }
            }
            return Verdict.pass("std per layer " + fmt(expected[0]) + " … " + fmt(expected[depth - 1]));
        });
    }

    /** Names the mistake whose std sequence the student's matches. */
    private static String diagnose(int depth, int width, String init, String activation, long seed, double[] actual) {
        if (close(actual, reference(depth, width, init, activation, new Rng(seed), true, false))) {
            return "unbiased std (n − 1): the std here divides by n";
        }
        if (close(actual, reference(depth, width, init, activation, new Rng(seed), false, true))) {
            return "x·W instead of x·Wᵀ (a layer computes x·Wᵀ, as Linear does)";
        }
        return null;
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= ATOL + RTOL * Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    static double[] reference(int depth, int width, String init, String activation, Rng rng) {
        return reference(depth, width, init, activation, rng, false, false);
    }

    private static double[] reference(int depth, int width, String init, String activation, Rng rng,
            boolean unbiased, boolean untransposed) {
        Tensor x = Tensor.randn(rng, BATCH, width);
        double[] stds = new double[depth];
        for (int l = 0; l < depth; l++) {
            Tensor w = Tensor.zeros(width, width);
            switch (init) {
                case "xavier" -> Init.xavierNormal(w, rng);
                case "kaiming" -> Init.kaimingNormal(w, rng);
                default -> w = Tensor.randn(rng, width, width).mul(0.01);
            }
            double[] v = x.matmul(untransposed ? w : w.t()).toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = activation.equals("relu") ? Math.max(v[i], 0) : Math.tanh(v[i]);
            }
            x = Tensor.of(v, BATCH, width);
            double mean = x.meanAll();
            stds[l] = Math.sqrt(x.sub(mean).square().sumAll() / (unbiased ? v.length - 1 : v.length));
        }
        return stds;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
