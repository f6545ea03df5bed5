package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.engine.optim.AbstractOptimizer;
import org.gradlab.grader.specs.OptimizerCase.Hyper;
import org.gradlab.grader.specs.OptimizerCase.Kind;

/**
 * The known-wrong optimizers of 06-optimizers, for naming a student's mistake: each is run on the
 * student's case and named when its parameters match the student's step for step. Mistakes that
 * are another reference configuration (Nesterov off, Adam for AdamW, …) reuse the engine; the
 * rest are a few lines of update rule on the engine's optimizer plumbing.
 */
final class OptimizerMistakes {
    private OptimizerMistakes() {
    }

    /** A wrong optimizer; {@code followsLr} false means it ignores setLearningRate. */
    record Mistake(String description, Function<List<Parameter>, Optimizer> factory, boolean followsLr) {
    }

    /** Buffers of one parameter as a rule sees them: read-only arrays, replaced by put. */
    interface Buffers {
        double[] get(String name);

        void put(String name, double[] values);
    }

    /** One update of one parameter: {@code w} in place, from gradient {@code g} at step t (from 1). */
    interface Rule {
        void update(double[] w, double[] g, Buffers state, int t, double lr);
    }

    private static final class RuleOptimizer extends AbstractOptimizer {
        private final Rule rule;

        RuleOptimizer(List<Parameter> params, double lr, Rule rule) {
            super("mistake", params, lr);
            this.rule = rule;
        }

        @Override
        protected void update(double[] w, double[] g, State state, double lr) {
            rule.update(w, g, new Buffers() {
                @Override
                public double[] get(String name) {
                    return state.get(name);
                }

                @Override
                public void put(String name, double[] values) {
                    state.put(name, values);
                }
            }, state.step(), lr);
        }
    }

    static List<Mistake> of(OptimizerCase c) {
        Hyper h = c.hyper();
        List<Mistake> out = new ArrayList<>();
        switch (h.kind()) {
            case SGD -> sgd(h, out);
            case RMSPROP -> {
                out.add(rule("RMSprop dividing by the mean square s instead of its root √s", h,
                        rmsprop(h, s -> s + h.eps())));
                out.add(rule("ε inside the square root: √(s + ε) instead of √s + ε", h,
                        rmsprop(h, s -> Math.sqrt(s + h.eps()))));
            }
            case ADAGRAD -> {
                if (h.lrDecay() > 0) {
                    out.add(new Mistake("learning-rate decay ignored", ps -> h.withLrDecay(0).reference(ps), true));
                    out.add(rule("learning-rate decay counted from t instead of t − 1: lr / (1 + t·lr_decay)", h,
                            adagrad(h, 0, s -> Math.sqrt(s) + h.eps())));
                }
                out.add(rule("ε inside the square root: √(S + ε) instead of √S + ε", h,
                        adagrad(h, 1, s -> Math.sqrt(s + h.eps()))));
            }
            case ADAM -> {
                out.add(rule(NO_BIAS_CORRECTION, h, adam(h, Decay.L2, false)));
                out.add(sharedStep(h, Decay.L2));
                if (h.weightDecay() > 0) {
                    out.add(new Mistake("decoupled weight decay (AdamW's) instead of Adam's L2 decay added to the"
                            + " gradient", ps -> h.withKind(Kind.ADAMW).reference(ps), true));
                }
            }
            case ADAMW -> {
                out.add(new Mistake("AdamW using L2 (coupled) decay: λ·w added to the gradient as in Adam, instead"
                        + " of shrinking the weights, w ← w − lr·λ·w", ps -> h.withKind(Kind.ADAM).reference(ps),
                        true));
                out.add(rule(NO_BIAS_CORRECTION, h, adam(h, Decay.DECOUPLED, false)));
                out.add(sharedStep(h, Decay.DECOUPLED));
                out.add(rule("weight decay not scaled by the learning rate: w ← w − λ·w instead of w ← w − lr·λ·w",
                        h, adam(h, Decay.UNSCALED, true)));
                out.add(rule("weight decay applied after the Adam step instead of before it", h,
                        adam(h, Decay.AFTER, true)));
            }
            default -> throw new AssertionError(h.kind());
        }
        if (h.weightDecay() > 0) {
            out.add(new Mistake("weight decay ignored", ps -> h.withWeightDecay(0).reference(ps), true));
        }
        if (c.lrChanges()) {
            out.add(new Mistake("learning-rate changes ignored: read learningRate() in every step(), not the lr"
                    + " given to the constructor", h::reference, false));
        }
        return out;
    }

    static final String NO_BIAS_CORRECTION = "Adam without bias correction: m and v used as they are, not divided"
            + " by 1 − β₁ᵗ and 1 − β₂ᵗ";

    private static Mistake rule(String description, Hyper h, Rule rule) {
        return new Mistake(description, ps -> new RuleOptimizer(ps, h.lr(), rule), true);
    }

    // ---------------------------------------------------------------- SGD

    private static void sgd(Hyper h, List<Mistake> out) {
        double mu = h.momentum();
        if (mu == 0) {
            return;
        }
        double tau = h.dampening();
        if (h.nesterov()) {
            out.add(new Mistake("Nesterov using the plain momentum update: w ← w − lr·v instead of"
                    + " w ← w − lr·(d + μ·v)", ps -> h.withNesterov(false).reference(ps), true));
        }
        if (h.weightDecay() > 0) {
            out.add(rule("weight decay applied after momentum: λ·w added to the step instead of to the gradient the"
                    + " velocity averages", h, (w, g, s, t, lr) -> {
                        double[] v = velocity(g, s.get("v"), mu, tau, false);
                        s.put("v", v);
                        for (int i = 0; i < w.length; i++) {
                            w[i] -= lr * ((h.nesterov() ? g[i] + mu * v[i] : v[i]) + h.weightDecay() * w[i]);
                        }
                    }));
        }
        if (tau > 0) {
            out.add(rule("dampening applied on the first step: PyTorch starts the velocity at the gradient itself,"
                    + " v₁ = d", h, (w, g, s, t, lr) -> {
                        double[] d = l2(g, w, h.weightDecay());
                        double[] v = velocity(d, s.get("v"), mu, tau, true);
                        s.put("v", v);
                        for (int i = 0; i < w.length; i++) {
                            w[i] -= lr * (h.nesterov() ? d[i] + mu * v[i] : v[i]);
                        }
                    }));
        }
        out.add(rule(OTHER_MOMENTUM_FORM, h, (w, g, s, t, lr) -> {
            double[] d = l2(g, w, h.weightDecay());
            double[] old = s.get("v");
            double[] v = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                v[i] = old == null ? -lr * d[i] : mu * old[i] - lr * (1 - tau) * d[i];
                w[i] += h.nesterov() ? mu * v[i] - lr * d[i] : v[i];
            }
            s.put("v", v);
        }));
    }

    static final String OTHER_MOMENTUM_FORM = "momentum in the other form, v ← μ·v − lr·g and w ← w + v: it equals"
            + " PyTorch's v ← μ·v + g, w ← w − lr·v only while lr stays constant, and momentum_buffer must hold"
            + " PyTorch's v";

    /** v ← μ·v + (1 − τ)·d, starting at d (PyTorch) or, when {@code dampFirst}, at (1 − τ)·d. */
    private static double[] velocity(double[] d, double[] old, double mu, double tau, boolean dampFirst) {
        double[] v = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            v[i] = old == null ? (dampFirst ? (1 - tau) * d[i] : d[i]) : mu * old[i] + (1 - tau) * d[i];
        }
        return v;
    }

    // ---------------------------------------------------------------- RMSprop, Adagrad

    /** RMSprop with the RMS from the mean square computed by {@code root} (PyTorch: √s + ε). */
    private static Rule rmsprop(Hyper h, DoubleUnaryOperator root) {
        return (w, g, s, t, lr) -> {
            double[] d = l2(g, w, h.weightDecay());
            double[] old = s.get("sq");
            double[] oldBuf = s.get("buf");
            double[] sq = new double[w.length];
            double[] buf = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                sq[i] = (old == null ? 0 : h.alpha() * old[i]) + (1 - h.alpha()) * d[i] * d[i];
                double step = d[i] / root.applyAsDouble(sq[i]);
                buf[i] = h.momentum() > 0 ? (oldBuf == null ? 0 : h.momentum() * oldBuf[i]) + step : step;
                w[i] -= lr * buf[i];
            }
            s.put("sq", sq);
            s.put("buf", buf);
        };
    }

    /** Adagrad with lr / (1 + (t − tOffset)·lr_decay) and the denominator from {@code root}. */
    private static Rule adagrad(Hyper h, int tOffset, DoubleUnaryOperator root) {
        return (w, g, s, t, lr) -> {
            double clr = lr / (1 + (t - tOffset) * h.lrDecay());
            double[] d = l2(g, w, h.weightDecay());
            double[] old = s.get("sum");
            double[] sum = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                sum[i] = (old == null ? 0 : old[i]) + d[i] * d[i];
                w[i] -= clr * d[i] / root.applyAsDouble(sum[i]);
            }
            s.put("sum", sum);
        };
    }

    // ---------------------------------------------------------------- Adam, AdamW

    private enum Decay {
        L2, DECOUPLED, UNSCALED, AFTER
    }

    private static Rule adam(Hyper h, Decay decay, boolean biasCorrection) {
        double wd = h.weightDecay();
        return (w, g, s, t, lr) -> {
            double[] d = decay == Decay.L2 ? l2(g, w, wd) : g;
            if (decay == Decay.DECOUPLED || decay == Decay.UNSCALED) {
                double shrink = 1 - (decay == Decay.DECOUPLED ? lr : 1) * wd;
                for (int i = 0; i < w.length; i++) {
                    w[i] *= shrink;
                }
            }
            double[] oldM = s.get("m");
            double[] oldV = s.get("v");
            double[] m = new double[w.length];
            double[] v = new double[w.length];
            double c1 = biasCorrection ? 1 - Math.pow(h.beta1(), t) : 1;
            double c2 = biasCorrection ? Math.sqrt(1 - Math.pow(h.beta2(), t)) : 1;
            for (int i = 0; i < w.length; i++) {
                m[i] = (oldM == null ? 0 : h.beta1() * oldM[i]) + (1 - h.beta1()) * d[i];
                v[i] = (oldV == null ? 0 : h.beta2() * oldV[i]) + (1 - h.beta2()) * d[i] * d[i];
                w[i] -= lr / c1 * m[i] / (Math.sqrt(v[i]) / c2 + h.eps());
                if (decay == Decay.AFTER) {
                    w[i] *= 1 - lr * wd;
                }
            }
            s.put("m", m);
            s.put("v", v);
        };
    }

    /** t advanced by every parameter's update, so the second parameter sees t = 2 on the first step. */
    private static Mistake sharedStep(Hyper h, Decay decay) {
        Rule adam = adam(h, decay, true);
        return new Mistake("step count t advanced once per parameter instead of once per step (one counter"
                + " shared by all parameters: keep t in each parameter's state)", ps -> {
                    int[] calls = {0};
                    return new RuleOptimizer(ps, h.lr(), (w, g, s, t, lr) -> adam.update(w, g, s, ++calls[0], lr));
                }, true);
    }

    private static double[] l2(double[] g, double[] w, double wd) {
        double[] d = new double[g.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] + wd * w[i];
        }
        return d;
    }
}
