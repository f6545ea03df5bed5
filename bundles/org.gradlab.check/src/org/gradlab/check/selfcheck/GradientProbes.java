package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gradlab.check.CheckSettings;
import org.gradlab.check.Comparison;
import org.gradlab.check.GradientCheck;
import org.gradlab.check.KinkException;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Numeric gradient checks of the student's own classes on random inputs: the backward must agree
 * with central differences of the student's own forward (whatever that forward computes — the
 * vectors judge the forward). Modules that are not layers (losses, cells, attention) are checked
 * through a one-input {@link Layer} view per input, the other inputs held fixed. An input that
 * lands on a kink (ReLU at 0, a max-pool tie) is redrawn.
 */
final class GradientProbes {
    static final String ASPECT = "numeric gradient";
    private static final int DRAWS = 5;

    private GradientProbes() {
    }

    /** One check: a view of the student's class as a layer in one input, and how to draw that input. */
    private record Probe(String label, ViewFactory view, Function<Rng, Tensor> input) {
    }

    @FunctionalInterface
    private interface ViewFactory {
        Layer build(Student s, Rng rng);
    }

    private static final Map<String, List<Probe>> PROBES = new LinkedHashMap<>();

    private static void probe(String className, String label, ViewFactory view, int... shape) {
        probe(className, label, view, rng -> Tensor.randn(rng, shape));
    }

    private static void probe(String className, String label, ViewFactory view, Function<Rng, Tensor> input) {
        PROBES.computeIfAbsent(className, k -> new ArrayList<>()).add(new Probe(label, view, input));
    }

    static {
        probe("activations.ReLU", "ReLU on 3×5", (s, r) -> layer(s.construct("activations.ReLU")), 3, 5);
        probe("activations.Sigmoid", "Sigmoid on 3×5", (s, r) -> layer(s.construct("activations.Sigmoid")), 3, 5);
        probe("activations.Tanh", "Tanh on 3×5", (s, r) -> layer(s.construct("activations.Tanh")), 3, 5);
        probe("activations.LeakyReLU", "LeakyReLU(0.1) on 3×5",
                (s, r) -> layer(s.construct("activations.LeakyReLU", 0.1)), 3, 5);
        probe("activations.PReLU", "PReLU(4) on 2×4×3", (s, r) -> layer(s.construct("activations.PReLU", 4)),
                2, 4, 3);
        probe("activations.ELU", "ELU(0.7) on 3×5", (s, r) -> layer(s.construct("activations.ELU", 0.7)), 3, 5);
        probe("activations.Softmax", "Softmax(dim 1) on 3×5", (s, r) -> layer(s.construct("activations.Softmax", 1)),
                3, 5);
        probe("activations.LogSoftmax", "LogSoftmax(dim 0) on 3×5",
                (s, r) -> layer(s.construct("activations.LogSoftmax", 0)), 3, 5);
        probe("activations.Maxout", "Maxout(3) on 2×9", (s, r) -> layer(s.construct("activations.Maxout", 3)), 2, 9);

        probe("losses.MSELoss", "MSELoss(mean) on 3×4",
                (s, r) -> loss(s.construct("losses.MSELoss", Reduction.MEAN), Tensor.randn(r, 3, 4)), 3, 4);
        probe("losses.L1Loss", "L1Loss(sum) on 3×4",
                (s, r) -> loss(s.construct("losses.L1Loss", Reduction.SUM), Tensor.randn(r, 3, 4)), 3, 4);
        probe("losses.BCELoss", "BCELoss(mean) on 3×4",
                (s, r) -> loss(s.construct("losses.BCELoss", Reduction.MEAN), Tensor.uniform(r, 0, 1, 3, 4)),
                r -> Tensor.uniform(r, 0.05, 0.95, 3, 4));
        probe("losses.BCEWithLogitsLoss", "BCEWithLogitsLoss(sum) on 3×4",
                (s, r) -> loss(s.construct("losses.BCEWithLogitsLoss", Reduction.SUM), Tensor.uniform(r, 0, 1, 3, 4)),
                3, 4);
        probe("losses.CrossEntropyLoss", "CrossEntropyLoss(mean) on 4×5",
                (s, r) -> loss(s.construct("losses.CrossEntropyLoss", Reduction.MEAN), classes(r, 4, 5)), 4, 5);
        probe("losses.MultiMarginLoss", "MultiMarginLoss(margin 1, sum) on 4×5",
                (s, r) -> loss(s.construct("losses.MultiMarginLoss", 1.0, Reduction.SUM), classes(r, 4, 5)), 4, 5);

        probe("linear.Linear", "Linear(4, 3) on 2×3×4",
                (s, r) -> layer(s.construct("linear.Linear", 4, 3, r)), 2, 3, 4);

        probe("conv.Conv2d", "Conv2d(2→3, kernel 3×3, stride (2, 1), padding (1, 0)) on 2×2×5×4",
                (s, r) -> layer(s.construct("conv.Conv2d", 2, 3, new int[] {3, 3}, new int[] {2, 1}, new int[] {1, 0},
                        new int[] {1, 1}, 1, r)), 2, 2, 5, 4);
        probe("conv.ConvTranspose2d", "ConvTranspose2d(2→3, kernel 3×3, stride 2, padding 1, output padding 1)"
                + " on 1×2×3×3", (s, r) -> layer(s.construct("conv.ConvTranspose2d", 2, 3, new int[] {3, 3},
                        new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, r)), 1, 2, 3, 3);
        probe("conv.UpsamplingNearest2d", "UpsamplingNearest2d(2, 3) on 1×2×2×3",
                (s, r) -> layer(s.construct("conv.UpsamplingNearest2d", 2, 3)), 1, 2, 2, 3);

        probe("pooling.MaxPool2d", "MaxPool2d(3×3, stride 2, padding 1) on 1×2×5×5",
                (s, r) -> layer(s.construct("pooling.MaxPool2d", new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1})),
                1, 2, 5, 5);
        probe("pooling.AvgPool2d", "AvgPool2d(3×3, stride 2, padding 1, padding not counted) on 1×2×5×5",
                (s, r) -> layer(s.construct("pooling.AvgPool2d", new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1},
                        false)), 1, 2, 5, 5);

        probe("regularization.BatchNorm", "BatchNorm(3) training on 4×3",
                (s, r) -> layer(s.construct("regularization.BatchNorm", 3, 0.1, 1e-5)), 4, 3);
        probe("regularization.BatchNorm", "BatchNorm(3) in evaluation on 2×3×2×2", (s, r) -> {
            Layer bn = layer(s.construct("regularization.BatchNorm", 3, 0.1, 1e-5));
            bn.setTraining(false);
            return bn;
        }, 2, 3, 2, 2);

        probe("rnn.RNNCell", "RNNCell(3, 4), gradient of x", (s, r) -> {
            Object cell = s.construct("rnn.RNNCell", 3, 4, r);
            Tensor h = Tensor.randn(r, 2, 4);
            return view(x -> s.callTensor(cell, "forward", x, h), g -> s.callTensors(cell, "backward", 2, g)[0]);
        }, 2, 3);
        probe("rnn.RNNCell", "RNNCell(3, 4), gradient of h", (s, r) -> {
            Object cell = s.construct("rnn.RNNCell", 3, 4, r);
            Tensor x = Tensor.randn(r, 2, 3);
            return view(h -> s.callTensor(cell, "forward", x, h), g -> s.callTensors(cell, "backward", 2, g)[1]);
        }, 2, 4);
        probe("rnn.LSTMCell", "LSTMCell(3, 4), gradient of x", (s, r) -> lstm(s, r, 0), 2, 3);
        probe("rnn.LSTMCell", "LSTMCell(3, 4), gradient of c", (s, r) -> lstm(s, r, 2), 2, 4);
        probe("rnn.RNN", "RNN(3, 4) over 3 steps, gradient of the input", (s, r) -> {
            Object rnn = s.construct("rnn.RNN", 3, 4, r);
            Tensor h0 = Tensor.randn(r, 2, 4);
            return view(x -> s.callTensor(rnn, "forward", x, h0), g -> s.callTensors(rnn, "backward", 2, g)[0]);
        }, 3, 2, 3);

        for (int which = 0; which < 3; which++) {
            int w = which;
            String name = List.of("query", "key", "value").get(which);
            probe("attention.ScaledDotProductAttention", "ScaledDotProductAttention(causal), gradient of " + name,
                    (s, r) -> attention(s, r, w), 2, 3, 4);
            probe("attention.MultiheadAttention", "MultiheadAttention(4, 2 heads), gradient of " + name,
                    (s, r) -> multihead(s, r, w), 2, 3, 4);
        }
        probe("attention.LayerNorm", "LayerNorm([4]) on 3×4",
                (s, r) -> layer(s.construct("attention.LayerNorm", new int[] {4}, 1e-5)), 3, 4);
        probe(EncoderBlockProbe.CLASS, "TransformerEncoderBlock(4, 2, 8), causal", EncoderBlockProbe::build, 2, 3, 4);
    }

    /** Runs the probes of the given classes; results go to {@code tally} under {@link #ASPECT}. */
    static void run(Student s, Tally tally, List<String> classNames, long seed) {
        CheckSettings settings = CheckSettings.forType(DType.FLOAT64);
        for (String cls : classNames) {
            for (Probe p : PROBES.getOrDefault(cls, List.of())) {
                if (tally.missing(cls)) {
                    break;
                }
                try {
                    check(s, tally, cls, p, settings, new Rng(seed ^ p.label.hashCode()));
                } catch (Throwable t) {
                    SelfCheck.fault(s, tally, cls, ASPECT, p.label, t);
                }
            }
        }
    }

    private static void check(Student s, Tally tally, String cls, Probe p, CheckSettings settings, Rng rng) {
        for (int draw = 0; draw < DRAWS; draw++) {
            Layer layer = p.view.build(s, rng);
            Tensor x = p.input.apply(rng);
            Tensor out = layer.forward(x.copy());
            if (out == null) {
                throw new Student.BadResult("forward returned null");
            }
            Tensor g = Tensor.randn(rng, out.shape());
            Tensor dx = layer.backward(g.copy());
            try {
                Comparison c = GradientCheck.inputGradient(layer, x, g, dx, settings, rng);
                if (c.passed()) {
                    tally.pass(cls, ASPECT);
                } else {
                    String message = c.message().replaceFirst(" \\[(full check|random-direction).*\\]$", "");
                    Tensor numeric = numericOf(layer, x, g, settings);
                    tally.add(cls, ASPECT, Outcome.FAILED, p.label + ": " + message + " (against central differences"
                            + " of your own forward)", SelfCheck.diagnose(numeric, dx, x), numeric == null ? null
                                    : Evidence.of(p.label, c.name(), numeric, dx, settings.rtol(), settings.atol(),
                                            SelfCheck.NUMERIC_LABEL, SelfCheck.ANALYTIC_LABEL));
                }
                return;
            } catch (KinkException kink) {
                // the input sits on a non-differentiable point: draw another
            }
        }
    }

    /** The numeric gradient again, for the diagnosis of a failed check (small inputs only: full check). */
    private static Tensor numericOf(Layer layer, Tensor x, Tensor g, CheckSettings settings) {
        if (x.numel() > settings.fullLimit()) {
            return null;
        }
        return org.gradlab.check.NumericGradient.vjp(layer::forward, x, g, settings.step());
    }

    // ---------------------------------------------------------------- views

    private static Layer layer(Object o) {
        return Student.layer(o);
    }

    private static Layer view(Function<Tensor, Tensor> forward, Function<Tensor, Tensor> backward) {
        return new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                return forward.apply(input);
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                return backward.apply(gradOutput);
            }
        };
    }

    /** A loss as a layer: the 0-d loss for a fixed target; backward scales dL/dx by the 0-d gradient. */
    private static Layer loss(Object o, Tensor target) {
        if (!(o instanceof Loss loss)) {
            throw new Student.MissingApi(o.getClass().getName() + " must implement " + Loss.class.getName());
        }
        return view(x -> Tensor.scalar(loss.forward(x, target)), g -> {
            Tensor dx = loss.backward();
            return dx == null ? null : dx.mul(g.item());
        });
    }

    private static Tensor classes(Rng rng, int n, int c) {
        Tensor t = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            t.set(rng.nextInt(c), i);
        }
        return t;
    }

    /** LSTMCell as a layer in input {@code which} (0 = x, 1 = h, 2 = c); its output is cat([h', c'], 1). */
    private static Layer lstm(Student s, Rng r, int which) {
        Object cell = s.construct("rnn.LSTMCell", 3, 4, r);
        Tensor[] in = {Tensor.randn(r, 2, 3), Tensor.randn(r, 2, 4), Tensor.randn(r, 2, 4)};
        return view(v -> {
            Tensor[] args = in.clone();
            args[which] = v;
            return Tensor.cat(List.of(s.callTensors(cell, "forward", 2, args[0], args[1], args[2])), 1);
        }, g -> s.callTensors(cell, "backward", 3, g.slice(1, 0, 4).copy(), g.slice(1, 4, 8).copy())[which]);
    }

    private static Layer attention(Student s, Rng r, int which) {
        Object attn = s.construct("attention.ScaledDotProductAttention", true);
        Tensor[] in = {Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 2, 3, 4)};
        return view(v -> {
            Tensor[] args = in.clone();
            args[which] = v;
            return s.callTensor(attn, "forward", args[0], args[1], args[2]);
        }, g -> s.callTensors(attn, "backward", 3, g)[which]);
    }

    private static Layer multihead(Student s, Rng r, int which) {
        Object mha = s.construct("attention.MultiheadAttention", 4, 2, r);
        Tensor[] in = {Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 2, 3, 4), Tensor.randn(r, 2, 3, 4)};
        return view(v -> {
            Tensor[] args = in.clone();
            args[which] = v;
            return s.callTensor(mha, "forward", args[0], args[1], args[2], false);
        }, g -> s.callTensors(mha, "backward", 3, g)[which]);
    }
}
