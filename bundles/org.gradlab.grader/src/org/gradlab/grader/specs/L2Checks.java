package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.Verdict;

/**
 * L2 of exercise 10: the penalty λ/2·Σw² against a hand sum, its gradient against λ·w and against
 * central differences of the student's own penalty, accumulation onto existing gradients, and
 * λ = 0 / no parameters.
 */
final class L2Checks {
    private static final String CLASS = "regularization.L2";
    private static final Class<?>[] SIGNATURE = {List.class, double.class};
    private static final double RTOL = 1e-10;
    /** Central-difference step and tolerance: the penalty is quadratic, so differences are exact up to rounding. */
    private static final double H = 1e-4;
    private static final double NUMERIC_TOL = 1e-6;

    private final Grading g;
    private final Rng r;

    private L2Checks(Grading g) {
        this.g = g;
        this.r = g.rng("l2");
    }

    static void run(Grading g) {
        new L2Checks(g).all();
    }

    private void all() {
        int[][] shapes = shapes();
        double lambda = 0.001 * (1 + r.nextInt(500));
        long seed = r.nextInt(Integer.MAX_VALUE);
        String where = " on " + describe(shapes) + ", λ = " + fmt(lambda);
        g.check(Part.FORWARD, "L2.penalty" + where, () -> penalty(params(shapes, seed, false), lambda));
        g.check(Part.PARAMETER_GRADIENTS, "L2.addGradient" + where + ": λ·w and the numeric gradient of penalty",
                () -> gradient(params(shapes, seed, false), lambda));
        g.check(Part.STATEFUL_INVARIANTS, "L2.addGradient" + where + ": accumulates onto existing gradients",
                () -> accumulates(params(shapes, seed, true), lambda));
        g.check(Part.EDGE_CASES, "L2 with λ = 0 and with no parameters", this::degenerate);
    }

    private int[][] shapes() {
        int[][] shapes = new int[1 + r.nextInt(3)][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = r.nextInt(2) == 0 ? new int[] {1 + r.nextInt(5)} : new int[] {1 + r.nextInt(4), 1 + r.nextInt(4)};
        }
        return shapes;
    }

    /** Parameters with values from N(0, 1); with {@code gradsSet}, their grads already hold values. */
    private static List<Parameter> params(int[][] shapes, long seed, boolean gradsSet) {
        Rng rng = new Rng(seed);
        List<Parameter> out = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            Parameter p = new Parameter("w" + i, Tensor.randn(rng, shapes[i]));
            Tensor grad = Tensor.randn(rng, shapes[i]);
            if (gradsSet) {
                p.accumulateGrad(grad);
            }
            out.add(p);
        }
        return out;
    }

    private Verdict penalty(List<Parameter> ps, double lambda) {
        double sum = 0;
        for (Parameter p : ps) {
            for (double v : p.value().toArray()) {
                sum += v * v;
            }
        }
        double expected = lambda / 2 * sum;
        double actual = callPenalty(ps, lambda);
        if (Math.abs(actual - expected) <= RTOL * Math.abs(expected)) {
            return Verdict.pass("penalty " + fmt(actual));
        }
        String diagnosis = null;
        if (near(actual, 2 * expected)) {
            diagnosis = "the 1/2 is missing: the penalty is λ/2·Σw²";
        } else if (near(actual, expected / lambda)) {
            diagnosis = "λ is missing";
        } else if (near(actual, lambda / 2 * Math.sqrt(sum)) || near(actual, lambda * Math.sqrt(sum))) {
            diagnosis = "the norm ‖w‖ used instead of the squared norm Σw²";
        } else if (near(actual, lambda / 2 * ps.stream().mapToDouble(p -> p.value().sumAll()).sum())) {
            diagnosis = "Σw instead of Σw²";
        }
        return Verdict.fail("penalty " + fmt(actual) + ", expected λ/2·Σw² = " + fmt(expected), diagnosis);
    }

    private double callPenalty(List<Parameter> ps, double lambda) {
        return (Double) g.code().callStatic(CLASS, "penalty", SIGNATURE, ps, lambda);
    }

    private void callAddGradient(List<Parameter> ps, double lambda) {
        g.code().callStatic(CLASS, "addGradient", SIGNATURE, ps, lambda);
    }

    private Verdict gradient(List<Parameter> ps, double lambda) {
        List<Tensor> before = ps.stream().map(p -> p.value().copy()).toList();
        callAddGradient(ps, lambda);
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (!p.value().allClose(before.get(i), 0, 0)) {
                return Verdict.fail(p.name() + ": addGradient changed the weight; it must only add to the grad");
            }
            double[] w = p.value().toArray();
            double[] grad = p.grad().toArray();
            for (int j = 0; j < w.length; j++) {
                double expected = lambda * w[j];
                if (Math.abs(grad[j] - expected) > RTOL * Math.abs(expected) + 1e-15) {
                    String diagnosis = near(grad[j], 2 * expected) ? "2λ·w: the gradient of λ/2·Σw² is λ·w"
                            : near(grad[j], -expected) ? "sign flipped: the gradient is +λ·w"
                            : near(grad[j], w[j]) ? "λ is missing" : null;
                    return Verdict.fail(p.name() + " grad[" + j + "] = " + fmt(grad[j]) + ", expected λ·w = "
                            + fmt(expected), diagnosis);
                }
            }
        }
        // The student's own penalty must have the gradient the student adds.
        for (int i = 0; i < ps.size(); i++) {
            Tensor w = ps.get(i).value();
            double[] grad = ps.get(i).grad().toArray();
            for (int j = 0; j < w.numel(); j++) {
                double numeric = numericDerivative(ps, w, j, lambda);
                if (Math.abs(numeric - grad[j]) > NUMERIC_TOL * (1 + Math.abs(numeric))) {
                    return Verdict.fail(ps.get(i).name() + "[" + j + "]: addGradient gives " + fmt(grad[j])
                            + " but the central difference of your penalty is " + fmt(numeric)
                            + ": penalty and addGradient disagree");
                }
            }
        }
        return Verdict.pass("grad = λ·w, consistent with penalty's numeric gradient");
    }

    private double numericDerivative(List<Parameter> ps, Tensor w, int flat, double lambda) {
        double[] v = w.toArray();
        double original = v[flat];
        v[flat] = original + H;
        w.copyFrom(Tensor.of(v, w.shape()));
        double plus = callPenalty(ps, lambda);
        v[flat] = original - H;
        w.copyFrom(Tensor.of(v, w.shape()));
        double minus = callPenalty(ps, lambda);
        v[flat] = original;
        w.copyFrom(Tensor.of(v, w.shape()));
        return (plus - minus) / (2 * H);
    }

    private Verdict accumulates(List<Parameter> ps, double lambda) {
        List<Tensor> old = ps.stream().map(p -> p.grad().copy()).toList();
        callAddGradient(ps, lambda);
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            Tensor expected = old.get(i).add(p.value().mul(lambda));
            if (!p.grad().allClose(expected, RTOL, 1e-15)) {
                String diagnosis = p.grad().allClose(p.value().mul(lambda), RTOL, 1e-15)
                        ? "the grad overwritten with λ·w: add it to what backward accumulated (accumulateGrad)" : null;
                return Verdict.fail(p.name() + ": grad " + p.grad() + " after addGradient, expected the old grad + λ·w",
                        diagnosis);
            }
        }
        return Verdict.pass("old grad + λ·w");
    }

    private Verdict degenerate() {
        List<Parameter> ps = params(new int[][] {{3}}, 7, true);
        Tensor grad = ps.get(0).grad().copy();
        double p0 = callPenalty(ps, 0.0);
        callAddGradient(ps, 0.0);
        if (p0 != 0 || !ps.get(0).grad().allClose(grad, 0, 0)) {
            return Verdict.fail("λ = 0 must give penalty 0 (got " + fmt(p0) + ") and leave the grads unchanged");
        }
        double empty = callPenalty(new ArrayList<>(), 0.5);
        callAddGradient(new ArrayList<>(), 0.5);
        return empty == 0 ? Verdict.pass("λ = 0: 0, no parameters: 0")
                : Verdict.fail("no parameters must give penalty 0, got " + fmt(empty));
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.abs(b) + 1e-15;
    }

    private static String describe(int[][] shapes) {
        StringBuilder s = new StringBuilder();
        for (int[] shape : shapes) {
            s.append(s.length() == 0 ? "" : ", ").append(Arrays.toString(shape));
        }
        return shapes.length + (shapes.length == 1 ? " parameter " : " parameters ") + s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
