package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.Comparison;
import org.gradlab.check.NumericGradient;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 02-mlp-backprop beyond its vectors: the hand-written backward of {@code ManualMlp} against
 * central differences of the student's own forward (the network keeps the given weight tensors,
 * so they are perturbed in place), a second backward() giving the same gradients, and
 * {@code VanishingGradients.gradientNormPerLayer} agreeing with the norms of the student's own
 * ManualMlp on the same network.
 */
final class MlpChecks {
    static final String MLP = "mlp.ManualMlp";
    static final String VANISHING = "mlp.VanishingGradients";

    private MlpChecks() {
    }

    static void numericGradient(Student s, Tally tally) {
        Rng rng = new Rng(SelfCheck.SEED);
        int[] sizes = {3, 4, 3, 2};
        List<Tensor> weights = new ArrayList<>();
        List<Tensor> biases = new ArrayList<>();
        List<Tensor> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            weights.add(Tensor.randn(rng, sizes[l], sizes[l - 1]));
            biases.add(Tensor.randn(rng, sizes[l]));
            params.add(weights.get(l - 1));
            params.add(biases.get(l - 1));
            names.add("dE/dA" + l);
            names.add("dE/db" + l);
        }
        Tensor x = Tensor.randn(rng, sizes[0]);
        Tensor target = Tensor.randn(rng, sizes[sizes.length - 1]);
        Object mlp = s.construct(MLP, weights, biases);
        s.call(mlp, "forward", x, target);
        List<Tensor> grads = s.tensorList(mlp, "backward", params.size());
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor original = p.copy();
            Tensor numeric = NumericGradient.ofScalar(v -> {
                p.copyFrom(v);
                return (Double) s.call(mlp, "forward", x, target);
            }, original, NumericGradient.DEFAULT_STEP);
            p.copyFrom(original);
            Comparison c = TensorComparison.compare(names.get(i), numeric, grads.get(i), 1e-5, 1e-7);
            if (!c.passed()) {
                tally.add(MLP, "numeric gradient", Outcome.FAILED, "network 3-4-3-2: " + c.message()
                        + " (against central differences of your own forward)",
                        SelfCheck.diagnose(numeric, grads.get(i), null), Evidence.of("network 3-4-3-2", c.name(),
                                numeric, grads.get(i), 1e-5, 1e-7, SelfCheck.NUMERIC_LABEL, SelfCheck.ANALYTIC_LABEL));
                return;
            }
        }
        tally.pass(MLP, "numeric gradient");
        s.call(mlp, "forward", x, target);
        List<Tensor> again = s.tensorList(mlp, "backward", params.size());
        s.tensorList(mlp, "backward", params.size());
        List<Tensor> third = s.tensorList(mlp, "backward", params.size());
        for (int i = 0; i < params.size(); i++) {
            Comparison c = TensorComparison.compare(names.get(i), again.get(i), third.get(i), 1e-12, 1e-12);
            if (!c.passed()) {
                tally.add(MLP, "backward twice", Outcome.FAILED, "backward() called again must return the same"
                        + " gradients (nothing accumulates): " + c.message(), SelfCheck.diagnose(again.get(i),
                                third.get(i), null));
                return;
            }
        }
        tally.pass(MLP, "backward twice");
    }

    static void vanishing(Student s, Tally tally) {
        int depth = 6;
        int width = 5;
        Object result = s.callStatic(VANISHING, "gradientNormPerLayer",
                new Class<?>[] {int.class, int.class, Rng.class}, depth, width, new Rng(11));
        if (!(result instanceof double[] norms) || norms.length != depth) {
            tally.add(VANISHING, "gradientNormPerLayer", Outcome.FAILED, "gradientNormPerLayer(6, 5, rng) must return"
                    + " 6 norms, returned " + describe(result), null);
            return;
        }
        // the same network from the given standardNetwork, through the student's own ManualMlp
        Object net = s.callStatic(VANISHING, "standardNetwork", new Class<?>[] {int.class, int.class, Rng.class},
                depth, width, new Rng(11));
        Object mlp = s.construct(MLP, s.call(net, "weights"), s.call(net, "biases"));
        s.call(mlp, "forward", s.call(net, "x"), s.call(net, "target"));
        List<Tensor> grads = s.tensorList(mlp, "backward", 2 * depth);
        double[] expected = new double[depth];
        for (int l = 0; l < depth; l++) {
            expected[l] = Math.sqrt(grads.get(2 * l).square().sumAll());
        }
        Comparison c = TensorComparison.compare("‖dE/dA_l‖ for l = 1…6", Tensor.vector(expected),
                Tensor.vector(norms), SelfCheck.RTOL, SelfCheck.ATOL);
        if (c.passed()) {
            tally.pass(VANISHING, "gradientNormPerLayer");
        } else {
            String diagnosis = Tensor.vector(reversed(expected)).allClose(Tensor.vector(norms), SelfCheck.RTOL,
                    SelfCheck.ATOL) ? "the layers in reverse order: element 0 is layer 1, next to the input" : null;
            tally.add(VANISHING, "gradientNormPerLayer", Outcome.FAILED, "depth 6, width 5, against the norms of your"
                    + " own ManualMlp on standardNetwork(6, 5, the same rng): " + c.message(), diagnosis);
        }
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private static String describe(Object r) {
        return r instanceof double[] d ? String.format(Locale.ROOT, "%d", d.length)
                : r == null ? "null" : "a " + r.getClass().getSimpleName();
    }
}
