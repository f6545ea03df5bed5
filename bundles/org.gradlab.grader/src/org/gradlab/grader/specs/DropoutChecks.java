package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.Locale;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentInstance;
import org.gradlab.grader.spec.Verdict;

/**
 * Dropout of exercise 10, judged by properties: the student's mask comes from the student's own
 * use of the given generator, so no reference mask can be predicted. The mask is read back from
 * the forward output (dropped ⇔ exactly 0; inputs are drawn nonzero), and everything else is
 * checked against it: kept entries are x/(1−p), the dropped fraction is binomial(n, p) within 5σ,
 * backward uses the same mask, evaluation mode and p = 0 are the identity.
 */
final class DropoutChecks {
    private static final String CLASS = "regularization.Dropout";
    /** Kept entries must equal x/(1−p) up to rounding (x·(1/(1−p)) is as good as x/(1−p)). */
    private static final double RTOL = 1e-9;
    /** Drop probabilities away from 1/2, so "p used as the keep probability" is told apart. */
    private static final double[] PS = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.6, 0.65, 0.7, 0.75, 0.8};

    private final Grading g;
    private final double p;
    private final Tensor x;
    private final Tensor gradOut;
    private final long maskSeed;
    private final String name;

    private DropoutChecks(Grading g) {
        this.g = g;
        Rng r = g.rng("dropout");
        p = PS[r.nextInt(PS.length)];
        int[] shape = r.nextInt(2) == 0 ? new int[] {40 + r.nextInt(41), 100 + r.nextInt(101)}
                : new int[] {4 + r.nextInt(3), 8 + r.nextInt(5), 10 + r.nextInt(5), 10 + r.nextInt(5)};
        x = nonzero(Tensor.randn(r, shape));
        gradOut = Tensor.randn(r, shape);
        maskSeed = r.nextInt(Integer.MAX_VALUE);
        name = "Dropout(p=" + p + ")";
    }

    static void run(Grading g) {
        new DropoutChecks(g).all();
    }

    private void all() {
        String on = " on " + Arrays.toString(x.shape());
        g.check(Part.FORWARD, name + "/training forward" + on + ": kept entries x/(1−p), dropped 0",
                () -> keptScaled(layer(p, maskSeed).forward(x.copy())));
        g.check(Part.FORWARD, name + "/training forward" + on + ": fraction dropped ≈ p",
                () -> droppedFraction(layer(p, maskSeed).forward(x.copy())));
        g.check(Part.INPUT_GRADIENT, name + "/backward" + on + ": gradOutput·mask/(1−p) with forward's mask", () -> {
            Layer l = layer(p, maskSeed);
            Tensor y = l.forward(x.copy());
            return backwardUsesMask(y, l.backward(gradOut.copy()), null);
        });
        g.check(Part.EDGE_CASES, name + "/evaluation mode: forward and backward are the identity", () -> {
            Layer l = layer(p, maskSeed);
            l.setTraining(false);
            return identity(l, p, "in evaluation mode", "with inverted dropout, evaluation needs no rescaling");
        });
        g.check(Part.EDGE_CASES, "Dropout(p=0.0)/training: forward and backward are the identity",
                () -> identity(layer(0.0, maskSeed), 0.0, "with p = 0", "p = 0 keeps every element, scale 1/(1−0) = 1"));
        g.check(Part.EDGE_CASES, "Dropout(p=1.0)/training: everything dropped, zeros without NaN", () -> {
            Layer l = layer(1.0, maskSeed);
            Tensor y = l.forward(x.copy());
            Tensor dx = l.backward(gradOut.copy());
            for (Tensor t : new Tensor[] {y, dx}) {
                String what = t == y ? "forward" : "backward";
                if (t == null || !t.sameShape(x)) {
                    return Verdict.fail(what + " returned " + describe(t) + ", expected shape " + Arrays.toString(x.shape()));
                }
                if (hasNaN(t)) {
                    return Verdict.fail(what + " produced NaN with p = 1",
                            "0 · 1/(1−p) = 0 · ∞ = NaN at p = 1: when p = 1 every element is dropped, return zeros");
                }
                if (t.abs().maxAll() != 0) {
                    return Verdict.fail(what + " with p = 1 must be all zeros, found max |value| " + t.abs().maxAll());
                }
            }
            return Verdict.pass("all zeros");
        });
        g.check(Part.STATEFUL_INVARIANTS, name + "/masks are drawn from the given Rng", () -> {
            Tensor a = layer(p, maskSeed).forward(x.copy());
            Tensor b = layer(p, maskSeed).forward(x.copy());
            Tensor c = layer(p, maskSeed + 1).forward(x.copy());
            if (!sameMask(a, b)) {
                return Verdict.fail("two Dropout layers given generators with the same seed dropped different elements:"
                        + " draw the mask from the Rng passed to the constructor (and only from it)");
            }
            if (sameMask(a, c)) {
                return Verdict.fail("Dropout layers given generators with different seeds dropped the same elements:"
                        + " draw the mask from the Rng passed to the constructor");
            }
            return Verdict.pass("same seed, same mask; other seed, other mask");
        });
        g.check(Part.STATEFUL_INVARIANTS, name + "/each forward draws a new mask; backward uses the latest", () -> {
            Layer l = layer(p, maskSeed);
            Tensor y1 = l.forward(x.copy());
            Tensor y2 = l.forward(x.copy());
            if (sameMask(y1, y2)) {
                return Verdict.fail("two training forwards dropped exactly the same elements: draw a new mask in every"
                        + " forward");
            }
            return backwardUsesMask(y2, l.backward(gradOut.copy()), y1);
        });
        g.check(Part.STATEFUL_INVARIANTS, name + "/forward and backward leave their arguments unchanged", () -> {
            Layer l = layer(p, maskSeed);
            Tensor xs = x.copy();
            Tensor gs = gradOut.copy();
            l.forward(xs);
            l.backward(gs);
            if (!xs.allClose(x, 0, 0)) {
                return Verdict.fail("forward changed its input in place; return a new tensor");
            }
            if (!gs.allClose(gradOut, 0, 0)) {
                return Verdict.fail("backward changed gradOutput in place; return a new tensor");
            }
            return Verdict.pass("arguments untouched");
        });
    }

    private Layer layer(double prob, long seed) {
        return new StudentInstance(g.code(), CLASS, prob, new Rng(seed)).layer();
    }

    /** Every output entry is 0 or x/(1−p); names the scale the kept entries have instead. */
    private Verdict keptScaled(Tensor y) {
        if (y == null || !y.sameShape(x)) {
            return Verdict.fail("forward returned " + describe(y) + ", expected shape " + Arrays.toString(x.shape()));
        }
        double scale = 1 / (1 - p);
        int bad = -1;
        boolean plain = true;       // kept entries equal x
        boolean timesKeep = true;   // kept entries equal x·(1−p)
        boolean overP = true;       // kept entries equal x/p
        int kept = 0;
        for (int i = 0; i < y.numel(); i++) {
            double v = y.getFlat(i);
            double xi = x.getFlat(i);
            if (v == 0) {
                continue;
            }
            kept++;
            plain &= close(v, xi);
            timesKeep &= close(v, xi * (1 - p));
            overP &= close(v, xi / p);
            if (bad < 0 && !close(v, xi * scale)) {
                bad = i;
            }
        }
        if (bad < 0) {
            return Verdict.pass("every entry is 0 or x/(1−p)");
        }
        String msg = "entry " + bad + " (flat): x = " + x.getFlat(bad) + ", got " + y.getFlat(bad)
                + ", expected 0 (dropped) or x/(1−p) = " + x.getFlat(bad) * scale;
        String diagnosis = kept == 0 ? null
                : plain ? "dropout without 1/(1−p): kept entries must be scaled to x/(1−p) so the expected output"
                        + " equals x (inverted dropout)"
                : timesKeep ? "kept entries scaled by (1−p) instead of divided by it"
                : overP ? "kept entries divided by p instead of (1−p): p is the probability to DROP" : null;
        return Verdict.fail(msg, diagnosis);
    }

    private Verdict droppedFraction(Tensor y) {
        if (y == null || !y.sameShape(x)) {
            return Verdict.fail("forward returned " + describe(y) + ", expected shape " + Arrays.toString(x.shape()));
        }
        int n = y.numel();
        int dropped = n - keptCount(y);
        double sigma = Math.sqrt(n * p * (1 - p));
        String msg = "dropped " + dropped + " of " + n + " (" + pct(dropped / (double) n) + "), expected p = "
                + pct(p) + " ± " + pct(5 * sigma / n) + " (5σ)";
        if (Math.abs(dropped - p * n) <= 5 * sigma) {
            return Verdict.pass(msg);
        }
        return Verdict.fail(msg, Math.abs(dropped - (1 - p) * n) <= 5 * sigma
                ? "p used as the keep probability: each element must be zeroed with probability p" : null);
    }

    /**
     * dx must be gradOutput·mask/(1−p) for the mask read from {@code y}; {@code earlier} is the
     * output of a previous forward, to name a stale mask.
     */
    private Verdict backwardUsesMask(Tensor y, Tensor dx, Tensor earlier) {
        if (y == null || !y.sameShape(x)) {
            return Verdict.fail("forward returned " + describe(y) + ", expected shape " + Arrays.toString(x.shape()));
        }
        if (dx == null || !dx.sameShape(x)) {
            return Verdict.fail("backward returned " + describe(dx) + ", expected shape " + Arrays.toString(x.shape()));
        }
        double scale = 1 / (1 - p);
        Tensor expected = expectedGrad(y, scale);
        int bad = firstMismatch(expected, dx);
        if (bad < 0) {
            return Verdict.pass("dx = gradOutput·mask/(1−p) with the mask of the latest forward");
        }
        String msg = "entry " + bad + " (flat): forward " + (y.getFlat(bad) == 0 ? "dropped" : "kept")
                + " it, gradOutput = " + gradOut.getFlat(bad) + ", expected dx = " + expected.getFlat(bad) + ", got "
                + dx.getFlat(bad);
        String diagnosis = null;
        if (earlier != null && firstMismatch(expectedGrad(earlier, scale), dx) < 0) {
            diagnosis = "backward used the mask of an earlier forward: keep the mask of the latest forward";
        } else if (firstMismatch(expectedGrad(y, 1.0), dx) < 0) {
            diagnosis = "backward without 1/(1−p): the kept gradients must be scaled like the kept outputs";
        } else if (firstMismatch(gradOut, dx) < 0) {
            diagnosis = "backward ignores the mask: it returns gradOutput unchanged";
        } else if (nonzeroAreScaled(dx, scale)) {
            diagnosis = "backward draws a new mask instead of reusing the one forward used";
        }
        return Verdict.fail(msg, diagnosis);
    }

    /** True when every nonzero dx entry is gradOutput·scale: right scale, different (new) mask. */
    private boolean nonzeroAreScaled(Tensor dx, double scale) {
        for (int i = 0; i < dx.numel(); i++) {
            double v = dx.getFlat(i);
            if (v != 0 && !close(v, gradOut.getFlat(i) * scale) && !close(v, gradOut.getFlat(i))) {
                return false;
            }
        }
        return true;
    }

    private Tensor expectedGrad(Tensor y, double scale) {
        return kept(y).mul(gradOut).mul(scale);
    }

    /** Forward and backward must return their argument unchanged (evaluation mode, or p = 0). */
    private Verdict identity(Layer l, double prob, String when, String scaledHint) {
        Tensor y = l.forward(x.copy());
        if (y == null || !y.sameShape(x)) {
            return Verdict.fail("forward returned " + describe(y) + ", expected shape " + Arrays.toString(x.shape()));
        }
        int bad = firstMismatch(x, y);
        if (bad >= 0) {
            String diagnosis = prob > 0 && firstMismatch(x.mul(1 / (1 - prob)), y) < 0 ? "output rescaled " + when + ": "
                    + scaledHint : keptCount(y) < y.numel() ? "elements dropped " + when : null;
            return Verdict.fail("forward " + when + " must return the input unchanged; entry " + bad + " (flat): x = "
                    + x.getFlat(bad) + ", got " + y.getFlat(bad), diagnosis);
        }
        Tensor dx = l.backward(gradOut.copy());
        if (dx == null || !dx.sameShape(x)) {
            return Verdict.fail("backward returned " + describe(dx) + ", expected shape " + Arrays.toString(x.shape()));
        }
        bad = firstMismatch(gradOut, dx);
        if (bad >= 0) {
            return Verdict.fail("backward " + when + " must return gradOutput unchanged; entry " + bad
                    + " (flat): gradOutput = " + gradOut.getFlat(bad) + ", got " + dx.getFlat(bad));
        }
        return Verdict.pass("identity " + when);
    }

    private static int firstMismatch(Tensor expected, Tensor actual) {
        for (int i = 0; i < expected.numel(); i++) {
            if (!close(actual.getFlat(i), expected.getFlat(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameMask(Tensor a, Tensor b) {
        return a != null && b != null && a.sameShape(b) && kept(a).allClose(kept(b), 0, 0);
    }

    /** 1 where the output is nonzero (kept), 0 where it is exactly 0 (dropped). */
    private static Tensor kept(Tensor y) {
        return y.eq(0).rsub(1);
    }

    private static int keptCount(Tensor y) {
        return (int) kept(y).sumAll();
    }

    private static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= RTOL * Math.abs(expected) || actual == expected;
    }

    private static boolean hasNaN(Tensor t) {
        for (int i = 0; i < t.numel(); i++) {
            if (Double.isNaN(t.getFlat(i))) {
                return true;
            }
        }
        return false;
    }

    /** Inputs are never exactly 0, so an output 0 means "dropped". */
    private static Tensor nonzero(Tensor t) {
        return t.map(v -> v == 0 ? 1e-3 : v);
    }

    private static String describe(Tensor t) {
        return t == null ? "null" : "shape " + Arrays.toString(t.shape());
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * f);
    }
}
