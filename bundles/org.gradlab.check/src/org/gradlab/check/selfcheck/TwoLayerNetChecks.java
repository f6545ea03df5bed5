package org.gradlab.check.selfcheck;

import java.util.List;
import java.util.Locale;

import org.gradlab.check.Comparison;
import org.gradlab.check.NumericGradient;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 05-fully-connected's {@code TwoLayerNet} (no vectors: it is a network, not one op): its
 * backward against central differences of its own forward (L = Σ logits·G), and {@code train}
 * fitting 3 generated Gaussian clusters.
 */
final class TwoLayerNetChecks {
    static final String CLASS = "linear.TwoLayerNet";

    private TwoLayerNetChecks() {
    }

    static void numericGradient(Student s, Tally tally) {
        Rng rng = new Rng(SelfCheck.SEED);
        Object net = s.construct(CLASS, 3, 5, 2, rng);
        Tensor x = Tensor.randn(rng, 4, 3);
        Tensor g = Tensor.randn(rng, 4, 2);
        List<Parameter> ps = s.parameters(net);
        ps.forEach(Parameter::zeroGrad);
        s.call(net, "forward", x);
        s.call(net, "backward", g);
        for (Parameter p : ps) {
            Tensor original = p.value().copy();
            Tensor numeric = NumericGradient.ofScalar(v -> {
                p.value().copyFrom(v);
                return s.callTensor(net, "forward", x).mul(g).sumAll();
            }, original, NumericGradient.DEFAULT_STEP);
            p.value().copyFrom(original);
            Comparison c = TensorComparison.compare("grad " + p.name(), numeric, p.grad(), 1e-5, 1e-7);
            if (!c.passed()) {
                String where = "TwoLayerNet(3, 5, 2) on 4×3";
                tally.add(CLASS, "backward (numeric gradient)", Outcome.FAILED, where + ": " + c.message()
                        + " (against central differences of your own forward)",
                        SelfCheck.diagnose(numeric, p.grad(), null), Evidence.of(where, c.name(), numeric, p.grad(),
                                1e-5, 1e-7, SelfCheck.NUMERIC_LABEL, SelfCheck.ANALYTIC_LABEL));
                return;
            }
        }
        tally.pass(CLASS, "backward (numeric gradient)");
    }

    static void train(Student s, Tally tally) {
        Rng rng = new Rng(SelfCheck.SEED + 1);
        int n = 90;
        Tensor centres = Tensor.randn(rng, 3, 6).mul(2.0);
        Tensor x = Tensor.randn(rng, n, 6);
        Tensor labels = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            labels.set(i % 3, i);
            for (int j = 0; j < 6; j++) {
                x.set(x.get(i, j) + centres.get(i % 3, j), i, j);
            }
        }
        Object net = s.construct(CLASS, 6, 12, 3, rng);
        Object r = s.callStatic(CLASS, "train", new Class<?>[] {s.load(CLASS), Tensor.class, Tensor.class, int.class,
                double.class, Rng.class}, net, x, labels, 15, 0.2, new Rng(7));
        double last = r instanceof double[] a && a.length == 15 ? a[14] : -1;
        if (r instanceof double[] a && a.length > 0) {
            tally.curve(new Curve("TwoLayerNet(6, 12, 3) on 3 Gaussian clusters", "epoch", "training accuracy",
                    List.of(Curve.Series.perEpoch("accuracy", a))));
        }
        if (last >= 0.95) {
            tally.pass(CLASS, "train");
        } else {
            tally.add(CLASS, "train", Outcome.FAILED, last < 0 ? "train(net, x, labels, 15, 0.2, rng) must return 15"
                    + " accuracies" : String.format(Locale.ROOT, "3 Gaussian clusters, 15 epochs, lr 0.2: accuracy"
                            + " %.3f after the last epoch, at least 0.95 expected", last), null);
        }
    }
}
