package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 10-regularization's random parts: dropout (each output must be 0 or x/(1−p), about p of them
 * dropped, backward through the same mask, evaluation the identity) and the weight
 * initializations (the spread and bounds of the drawn values, for a conv weight and a matrix).
 */
final class RegularizationChecks {
    private static final double RTOL = SelfCheck.RTOL;
    private static final double ATOL = SelfCheck.ATOL;

    private RegularizationChecks() {
    }

    // ---------------------------------------------------------------- dropout

    private static final double P = 0.4;

    static void dropoutTraining(Student s, Tally tally, String cls) {
        String aspect = "forward (mask and 1/(1−p) scale)";
        Layer d = Student.layer(s.construct(cls, P, new Rng(17)));
        Rng rng = new Rng(3);
        Tensor x = Tensor.uniform(rng, 0.5, 2, 10, 20).mul(Tensor.uniform(rng, 0, 1, 10, 20).gt(0.5).mul(2).sub(1));
        Tensor y = d.forward(x.copy());
        if (y == null || !y.sameShape(x)) {
            tally.add(cls, aspect, Outcome.FAILED, "Dropout(p=0.4).forward returned " + (y == null ? "null"
                    : "shape " + java.util.Arrays.toString(y.shape())) + " for a 10×20 input", null);
            return;
        }
        Tensor kept = y.eq(0).rsub(1);
        Tensor expected = x.mul(kept).div(1 - P);
        Comparison c = TensorComparison.compare("output", expected, y, RTOL, ATOL);
        double dropped = 1 - kept.meanAll();
        if (!c.passed()) {
            String diagnosis = x.mul(kept).allClose(y, RTOL, ATOL)
                    ? "dropout without the 1/(1−p) rescaling of the kept elements" : null;
            tally.add(cls, aspect, Outcome.FAILED, "Dropout(p=0.4) on 10×20: every element must be 0 or x/(1−p); "
                    + c.message(), diagnosis);
            return;
        }
        if (dropped < 0.2 || dropped > 0.6) {
            tally.add(cls, aspect, Outcome.FAILED, String.format(Locale.ROOT, "Dropout(p=0.4) on 10×20 dropped %.0f%%"
                    + " of the elements; about 40%% expected (keep each with probability 1−p)", 100 * dropped), null);
            return;
        }
        tally.pass(cls, aspect);
        Tensor g = Tensor.randn(rng, 10, 20);
        Tensor dx = d.backward(g.copy());
        Comparison b = TensorComparison.compare("grad input", g.mul(kept).div(1 - P), dx, RTOL, ATOL);
        if (b.passed()) {
            tally.pass(cls, "backward");
        } else {
            tally.add(cls, "backward", Outcome.FAILED, "Dropout(p=0.4): backward must use the mask and scale of the"
                    + " last forward; " + b.message(), SelfCheck.diagnose(g.mul(kept).div(1 - P), dx, x));
        }
    }

    static void dropoutEvaluation(Student s, Tally tally, String cls) {
        String aspect = "evaluation mode";
        Layer d = Student.layer(s.construct(cls, P, new Rng(17)));
        d.setTraining(false);
        Rng rng = new Rng(4);
        Tensor x = Tensor.randn(rng, 4, 5);
        Comparison f = TensorComparison.compare("output", x, d.forward(x.copy()), RTOL, ATOL);
        Tensor g = Tensor.randn(rng, 4, 5);
        Comparison b = f.passed() ? TensorComparison.compare("grad input", g, d.backward(g.copy()), RTOL, ATOL) : f;
        if (b.passed()) {
            tally.pass(cls, aspect);
        } else {
            tally.add(cls, aspect, Outcome.FAILED, "Dropout in evaluation mode must be the identity: " + b.message(),
                    null);
        }
    }

    // ---------------------------------------------------------------- initialization

    static void init(Student s, Tally tally, String method) {
        String cls = "regularization.Init";
        List<String> problems = new ArrayList<>();
        String diagnosis = null;
        for (int[] shape : List.of(new int[] {48, 20, 3, 3}, new int[] {30, 50})) {
            Tensor w = Tensor.zeros(shape);
            s.callStatic(cls, method, new Class<?>[] {Tensor.class, Rng.class}, w, new Rng(5));
            int receptive = w.numel() / (shape[0] * shape[1]);
            double fanIn = shape[1] * receptive;
            double fanOut = shape[0] * receptive;
            boolean xavier = method.startsWith("xavier");
            double std = Math.sqrt(2 / (xavier ? fanIn + fanOut : fanIn));
            double mean = w.meanAll();
            double actual = Math.sqrt(w.sub(mean).square().meanAll());
            String where = method + " on " + java.util.Arrays.toString(shape) + " (fan_in " + (int) fanIn + ", fan_out "
                    + (int) fanOut + ")";
            boolean uniform = method.endsWith("Uniform");
            double bound = Math.sqrt(3) * std;
            double max = w.abs().maxAll();
            if (Math.abs(actual / std - 1) > 0.05) {
                problems.add(String.format(Locale.ROOT, "%s: standard deviation %.4g, expected %.4g%s", where, actual,
                        std, uniform ? String.format(Locale.ROOT, " (bound %.4g)", bound) : ""));
                double noField = xavier ? Math.sqrt(2.0 / (shape[0] + shape[1])) : Math.sqrt(2.0 / shape[1]);
                if (receptive > 1 && Math.abs(actual / noField - 1) < 0.05) {
                    diagnosis = "fans without the receptive field: fan_in and fan_out include kH·kW";
                } else if (!xavier && Math.abs(actual / Math.sqrt(2 / fanOut) - 1) < 0.05 && fanIn != fanOut) {
                    diagnosis = "fan_out used where Kaiming's fan_in mode needs fan_in";
                } else if (uniform && Math.abs(actual / (std / Math.sqrt(3)) - 1) < 0.05) {
                    diagnosis = "uniform bound set to the standard deviation: U(−a, a) has std a/√3, so a = √3·std";
                }
            } else if (uniform && (max > bound * (1 + 1e-12) || max < 0.95 * bound)) {
                problems.add(String.format(Locale.ROOT, "%s: largest |w| %.4g, expected values up to the bound %.4g",
                        where, max, bound));
            } else if (Math.abs(mean) > 0.1 * std) {
                problems.add(String.format(Locale.ROOT, "%s: mean %.4g, expected about 0", where, mean));
            }
        }
        if (problems.isEmpty()) {
            tally.pass(cls, method);
        } else {
            tally.add(cls, method, Outcome.FAILED, String.join("; ", problems), diagnosis);
        }
    }
}
