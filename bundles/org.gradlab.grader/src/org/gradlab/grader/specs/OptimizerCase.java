package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.gradlab.core.DType;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.optim.Adagrad;
import org.gradlab.engine.optim.Adam;
import org.gradlab.engine.optim.AdamW;
import org.gradlab.engine.optim.RMSprop;
import org.gradlab.engine.optim.SGD;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;

/**
 * One optimizer case of 06-optimizers: hyper-parameters, starting parameters, the gradient of
 * every step and the learning rate of every step (changed through setLearningRate when it
 * differs from the previous step's), plus the runner that records parameters and state after
 * each step, identically for the reference, the student and the known-wrong variants.
 */
record OptimizerCase(String name, Hyper hyper, DType dtype, List<Tensor> initial, List<List<Tensor>> grads,
        double[] lrs) {

    static final List<String> PARAMETER_NAMES = List.of("weight", "bias");

    enum Kind {
        SGD("SGD"), RMSPROP("RMSprop"), ADAGRAD("Adagrad"), ADAM("Adam"), ADAMW("AdamW");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Every hyper-parameter any of the five takes (each kind reads its own), under PyTorch's names. */
    record Hyper(Kind kind, double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
            double alpha, double eps, double lrDecay, double beta1, double beta2) {

        Hyper withKind(Kind k) {
            return new Hyper(k, lr, momentum, dampening, weightDecay, nesterov, alpha, eps, lrDecay, beta1, beta2);
        }

        Hyper withWeightDecay(double wd) {
            return new Hyper(kind, lr, momentum, dampening, wd, nesterov, alpha, eps, lrDecay, beta1, beta2);
        }

        Hyper withNesterov(boolean n) {
            return new Hyper(kind, lr, momentum, dampening, weightDecay, n, alpha, eps, lrDecay, beta1, beta2);
        }

        Hyper withLrDecay(double d) {
            return new Hyper(kind, lr, momentum, dampening, weightDecay, nesterov, alpha, eps, d, beta1, beta2);
        }

        Optimizer reference(List<Parameter> ps) {
            return switch (kind) {
                case SGD -> new SGD(ps, lr, momentum, dampening, weightDecay, nesterov);
                case RMSPROP -> new RMSprop(ps, lr, alpha, eps, weightDecay, momentum, false);
                case ADAGRAD -> new Adagrad(ps, lr, lrDecay, weightDecay, 0.0, eps);
                case ADAM -> new Adam(ps, lr, beta1, beta2, eps, weightDecay);
                case ADAMW -> new AdamW(ps, lr, beta1, beta2, eps, weightDecay);
            };
        }

        Optimizer student(StudentCode code, List<Parameter> ps) {
            String cls = "optim." + kind.label;
            return switch (kind) {
                case SGD -> code.construct(cls, Optimizer.class, ps, lr, momentum, dampening, weightDecay, nesterov);
                case RMSPROP -> code.construct(cls, Optimizer.class, ps, lr, alpha, eps, weightDecay, momentum);
                case ADAGRAD -> code.construct(cls, Optimizer.class, ps, lr, lrDecay, weightDecay, eps);
                case ADAM, ADAMW -> code.construct(cls, Optimizer.class, ps, lr, beta1, beta2, eps, weightDecay);
            };
        }

        /** The constructor arguments as PyTorch spells them. */
        String describe() {
            String rest = switch (kind) {
                case SGD -> "momentum=" + f(momentum) + ", dampening=" + f(dampening) + ", weight_decay="
                        + f(weightDecay) + ", nesterov=" + (nesterov ? "True" : "False");
                case RMSPROP -> "alpha=" + f(alpha) + ", eps=" + f(eps) + ", weight_decay=" + f(weightDecay)
                        + ", momentum=" + f(momentum);
                case ADAGRAD -> "lr_decay=" + f(lrDecay) + ", weight_decay=" + f(weightDecay) + ", eps=" + f(eps);
                case ADAM, ADAMW -> "betas=(" + f(beta1) + ", " + f(beta2) + "), eps=" + f(eps) + ", weight_decay="
                        + f(weightDecay);
            };
            return kind.label + "(lr=" + f(lr) + ", " + rest + ")";
        }

        /**
         * Random hyper-parameters; {@code everything} switches on every optional feature (momentum,
         * dampening, weight decay, lr decay) so that the mistakes hiding in them can show.
         */
        static Hyper draw(Kind kind, Rng rng, boolean everything) {
            double lr = switch (kind) {
                case SGD -> sig(rng.uniform(0.01, 0.2));
                case ADAGRAD -> sig(rng.uniform(0.01, 0.3));
                default -> sig(rng.uniform(0.001, 0.05));
            };
            double momentum = everything || rng.nextInt(4) > 0 ? sig(rng.uniform(0.5, 0.95)) : 0.0;
            double dampening = kind == Kind.SGD && momentum > 0 && (everything || rng.nextInt(2) == 0)
                    ? sig(rng.uniform(0.1, 0.5)) : 0.0;
            double weightDecay = kind == Kind.ADAMW || everything || rng.nextInt(2) == 0
                    ? sig(rng.uniform(0.01, 0.2)) : 0.0;
            double alpha = sig(rng.uniform(0.8, 0.99));
            double eps = sig(Math.pow(10, rng.uniform(kind == Kind.ADAGRAD ? -10 : -8, -3)));
            double lrDecay = everything || rng.nextInt(2) == 0 ? sig(rng.uniform(0.01, 0.5)) : 0.0;
            double beta1 = sig(rng.uniform(0.8, 0.95));
            double beta2 = sig(rng.uniform(0.9, 0.999));
            return new Hyper(kind, lr, momentum, dampening, weightDecay, false, alpha, eps, lrDecay, beta1, beta2);
        }
    }

    /** A case with random parameters ("weight" (a, b), "bias" (a)) and random gradients for each step. */
    static OptimizerCase draw(String name, Hyper hyper, DType dtype, Rng rng, int steps) {
        int a = 1 + rng.nextInt(3);
        int b = 2 + rng.nextInt(3);
        List<int[]> shapes = List.of(new int[] {a, b}, new int[] {a});
        List<Tensor> initial = shapes.stream().map(s -> Tensor.randn(dtype, rng, s)).toList();
        List<List<Tensor>> grads = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            double scale = rng.uniform(0.2, 2.0);
            grads.add(shapes.stream().map(s -> Tensor.randn(dtype, rng, s).mul(scale)).toList());
        }
        double[] lrs = new double[steps];
        Arrays.fill(lrs, hyper.lr());
        return new OptimizerCase(name, hyper, dtype, initial, grads, lrs);
    }

    /** This case with the gradients of the given steps (1-based) set to zero. */
    OptimizerCase zeroGradientsAt(int... steps) {
        List<List<Tensor>> g = new ArrayList<>(grads);
        for (int k : steps) {
            g.set(k - 1, g.get(k - 1).stream().map(Tensor::zerosLike).toList());
        }
        return new OptimizerCase(name, hyper, dtype, initial, g, lrs);
    }

    /** This case with the learning rate multiplied by {@code factors[k]} from step k + 1 on. */
    OptimizerCase withLearningRates(double... factors) {
        double[] l = new double[lrs.length];
        for (int k = 0; k < l.length; k++) {
            l[k] = sig(hyper.lr() * factors[Math.min(k, factors.length - 1)]);
        }
        return new OptimizerCase(name, hyper, dtype, initial, grads, l);
    }

    OptimizerCase withHyper(Hyper h) {
        return new OptimizerCase(name, h, dtype, initial, grads, lrs);
    }

    int steps() {
        return grads.size();
    }

    boolean lrChanges() {
        return Arrays.stream(lrs).anyMatch(l -> l != lrs[0]);
    }

    String describe() {
        String shapes = Arrays.toString(initial.get(0).shape()) + " and " + Arrays.toString(initial.get(1).shape());
        String lr = lrChanges() ? ", lr per step " + Arrays.toString(Arrays.stream(lrs).mapToObj(OptimizerCase::f)
                .toArray()) : "";
        return hyper.describe() + " on " + dtype.name().toLowerCase(Locale.ROOT) + " parameters " + shapes + lr;
    }

    /** Parameters, state and the gradients as the optimizer left them, after one step. */
    record Snapshot(List<Tensor> params, List<Map<String, Tensor>> states, List<Tensor> gradsAfter) {
    }

    /**
     * Runs {@code steps} steps of an optimizer built on fresh parameters: before each step the
     * gradients are set and, when {@code followLr}, the learning rate changed as the case says.
     */
    List<Snapshot> run(Function<List<Parameter>, Optimizer> factory, int steps, boolean followLr) {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < initial.size(); i++) {
            ps.add(new Parameter(PARAMETER_NAMES.get(i), initial.get(i).copy()));
        }
        Optimizer opt = factory.apply(List.copyOf(ps));
        List<Snapshot> out = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            if (followLr && k > 0 && lrs[k] != lrs[k - 1]) {
                opt.setLearningRate(lrs[k]);
                if (opt.learningRate() != lrs[k]) {
                    throw new StudentFault("learningRate() returned " + opt.learningRate() + " after setLearningRate("
                            + lrs[k] + ")", false, false, null);
                }
            }
            for (int i = 0; i < ps.size(); i++) {
                ps.get(i).grad().copyFrom(grads.get(k).get(i));
            }
            opt.step();
            List<Map<String, Tensor>> states = new ArrayList<>();
            for (Parameter p : ps) {
                Map<String, Tensor> s = opt.stateOf(p);
                Map<String, Tensor> copy = new LinkedHashMap<>();
                if (s != null) {
                    s.forEach((name, t) -> copy.put(name, t == null ? null : t.copy()));
                }
                states.add(s == null ? null : copy);
            }
            out.add(new Snapshot(ps.stream().map(p -> p.value().copy()).toList(), states,
                    ps.stream().map(p -> p.grad().copy()).toList()));
        }
        return out;
    }

    /** Three significant digits, so that the hyper-parameters read the same in messages as they are. */
    static double sig(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    static String f(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
