package org.gradlab.grader.specs;

import static org.gradlab.check.TensorComparison.allFinite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.Verdict;
import org.gradlab.grader.specs.OptimizerCase.Hyper;
import org.gradlab.grader.specs.OptimizerCase.Kind;
import org.gradlab.grader.specs.OptimizerCase.Snapshot;
import org.gradlab.grader.specs.OptimizerMistakes.Mistake;

/**
 * 06-optimizers: SGD, RMSprop, Adagrad, Adam and AdamW run side by side with the reference on
 * identical parameters and gradient sequences drawn from the seed. FORWARD: the parameters after
 * the first step. STATEFUL_INVARIANTS: parameters and state after every step, naming the state
 * that diverged first (velocity, RMS cache, Adagrad's sum, Adam's m, v, t) and checking that
 * gradients are only read. EDGE_CASES: zero gradients, a learning rate changed between steps,
 * float32 parameters, Nesterov and weight decay with momentum. A failure is diagnosed by running
 * known-wrong optimizers on the same case and naming the one the student's parameters follow.
 * MomentumForms and the StepLR / CosineAnnealingLR schedules are graded by MomentumScheduleChecks.
 */
public final class OptimizersExercise implements ExerciseSpec {
    private static final int RANDOM_CASES = 2;
    private static final int EDGE_STEPS = 5;

    /** Friendly names of the state, in the order the updates compute them. */
    private static final Map<String, String> STATE_NAMES = Map.of("momentum_buffer", "velocity (momentum_buffer)",
            "square_avg", "RMS cache (square_avg)", "sum", "sum of squared gradients (sum)", "exp_avg",
            "m (exp_avg)", "exp_avg_sq", "v (exp_avg_sq)", "step", "t (step)");

    @Override
    public String id() {
        return "06-optimizers";
    }

    @Override
    public String title() {
        return "Optimizers";
    }

    @Override
    public List<String> studentClasses() {
        List<String> classes = new ArrayList<>();
        java.util.Arrays.stream(Kind.values()).forEach(k -> classes.add("optim." + k.label));
        classes.addAll(MomentumScheduleChecks.CLASSES);
        return List.copyOf(classes);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.EDGE_CASES, 3.0, Part.STATEFUL_INVARIANTS, 4.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        for (Kind k : Kind.values()) {
            Rng rng = g.rng(k.label);
            String l = k.label + "/";
            for (int i = 1; i <= RANDOM_CASES; i++) {
                Hyper h = Hyper.draw(k, rng, i == RANDOM_CASES);
                OptimizerCase c = OptimizerCase.draw("random " + i, h, DType.FLOAT64, rng, 5 + rng.nextInt(3));
                g.check(Part.FORWARD, l + "first step, random " + i, () -> judge(code, c, 1, false));
                g.check(Part.STATEFUL_INVARIANTS, l + "all " + c.steps() + " steps, random " + i
                        + ": parameters and state", () -> judge(code, c, c.steps(), true));
            }
            Hyper e = Hyper.draw(k, rng, true);
            OptimizerCase zero = OptimizerCase.draw("zero", e.withWeightDecay(0), DType.FLOAT64, rng, EDGE_STEPS)
                    .zeroGradientsAt(1, 2, 4);
            edge(g, code, l + "zero gradients at steps 1, 2 and 4", zero);
            double lower = OptimizerCase.sig(rng.uniform(0.2, 0.5));
            double higher = OptimizerCase.sig(rng.uniform(1.5, 3.0));
            OptimizerCase lr = OptimizerCase.draw("lr", e, DType.FLOAT64, rng, EDGE_STEPS)
                    .withLearningRates(1, 1, lower, lower, higher);
            edge(g, code, l + "lr changed between steps (setLearningRate)", lr);
            edge(g, code, l + "float32 parameters", OptimizerCase.draw("float32", e, DType.FLOAT32, rng, EDGE_STEPS));
            if (k == Kind.SGD) {
                Hyper nesterov = new Hyper(k, e.lr(), e.momentum(), 0, 0, true, 0, 0, 0, 0, 0);
                edge(g, code, l + "Nesterov momentum",
                        OptimizerCase.draw("nesterov", nesterov, DType.FLOAT64, rng, EDGE_STEPS));
                Hyper decay = new Hyper(k, e.lr(), e.momentum(), 0, e.weightDecay(), false, 0, 0, 0, 0, 0);
                edge(g, code, l + "weight decay with momentum",
                        OptimizerCase.draw("decay", decay, DType.FLOAT64, rng, EDGE_STEPS));
            }
            if (k == Kind.RMSPROP) {
                edge(g, code, l + "weight decay with momentum",
                        OptimizerCase.draw("decay", e, DType.FLOAT64, rng, EDGE_STEPS));
            }
        }
        MomentumScheduleChecks.grade(g, code);
        return g.finish(null);
    }

    private static void edge(Grading g, StudentCode code, String name, OptimizerCase c) {
        g.check(Part.EDGE_CASES, name, () -> judge(code, c, c.steps(), true));
    }

    // ---------------------------------------------------------------- judging

    /** Where student and reference first part ways; {@code state} is null when it is the parameters. */
    private record Divergence(int step, String message, String state, Tensor expected, Tensor actual) {
    }

    /** Runs both for {@code steps} steps and compares after each (state too when {@code withState}). */
    private static Verdict judge(StudentCode code, OptimizerCase c, int steps, boolean withState) {
        List<Snapshot> want = c.run(c.hyper()::reference, steps, true);
        List<Snapshot> got = c.run(ps -> c.hyper().student(code, ps), steps, true);
        Divergence d = firstDivergence(c, want, got, withState);
        if (d == null) {
            return Verdict.pass((steps == 1 ? "parameters after the first step match"
                    : "parameters" + (withState ? " and state" : "") + " match after each of the " + steps
                            + " steps") + " — " + c.describe());
        }
        return Verdict.fail(d.message() + " — " + c.describe(), diagnose(c, want, got, steps, d));
    }

    private static Divergence firstDivergence(OptimizerCase c, List<Snapshot> want, List<Snapshot> got,
            boolean withState) {
        double rtol = rtol(c);
        double atol = atol(c);
        String opt = c.hyper().kind().label;
        for (int k = 0; k < want.size(); k++) {
            Snapshot w = want.get(k);
            Snapshot s = got.get(k);
            String after = "after step " + (k + 1) + ", ";
            for (int i = 0; i < w.params().size(); i++) {
                if (!s.gradsAfter().get(i).allClose(c.grads().get(k).get(i), 0, 0)) {
                    return new Divergence(k + 1, "step " + (k + 1) + " changed the gradient of parameter '"
                            + name(i) + "' in place: an optimizer only reads p.grad()", null, null, null);
                }
            }
            List<String> tracked = withState ? tracked(c.hyper().kind(), w) : List.of();
            for (String state : tracked) {
                String label = opt + "'s " + STATE_NAMES.getOrDefault(state, state);
                for (int i = 0; i < w.params().size(); i++) {
                    Map<String, Tensor> have = s.states().get(i);
                    if (have == null || !have.containsKey(state) || have.get(state) == null) {
                        return new Divergence(k + 1, after + label + " is missing from stateOf(" + name(i)
                                + ") (it has " + (have == null ? "null" : have.keySet())
                                + "): keep it under PyTorch's name", state, null, null);
                    }
                    Tensor expected = w.states().get(i).get(state);
                    Tensor actual = have.get(state);
                    if (state.equals("step")) {
                        if (actual.numel() != 1 || actual.getFlat(0) != expected.item()) {
                            return new Divergence(k + 1, after + label + " diverged first: stateOf(" + name(i)
                                    + ").get(\"step\") is " + actual + ", expected " + (long) expected.item()
                                    + " (a 0-d tensor counting this parameter's steps)", state, null, null);
                        }
                        continue;
                    }
                    Comparison cmp = TensorComparison.compare(state + " of parameter '" + name(i) + "'",
                            expected, actual, rtol, atol);
                    if (!cmp.passed()) {
                        return new Divergence(k + 1, after + label + " diverged first — " + cmp.message(), state,
                                expected, actual);
                    }
                }
            }
            for (int i = 0; i < w.params().size(); i++) {
                Comparison cmp = TensorComparison.compare("parameter '" + name(i) + "'", w.params().get(i),
                        s.params().get(i), rtol, atol);
                if (!cmp.passed()) {
                    String context = tracked.isEmpty() ? "" : "the parameters diverged while the state " + tracked
                            + " still matched — ";
                    return new Divergence(k + 1, after + context + cmp.message(), null, null, null);
                }
            }
        }
        return null;
    }

    /** The state to compare, in the reference's order; SGD's step count is not part of PyTorch's SGD state. */
    private static List<String> tracked(Kind kind, Snapshot reference) {
        List<String> names = new ArrayList<>(reference.states().get(0).keySet());
        if (kind == Kind.SGD) {
            names.remove("step");
        }
        return names;
    }

    // ---------------------------------------------------------------- diagnosis

    private static String diagnose(OptimizerCase c, List<Snapshot> want, List<Snapshot> got, int steps,
            Divergence d) {
        for (Mistake m : OptimizerMistakes.of(c)) {
            List<Snapshot> wrong = c.run(m.factory(), steps, m.followsLr());
            if (!sameParameters(c, wrong, want) && sameParameters(c, wrong, got)) {
                return m.description();
            }
        }
        int k = firstParameterDivergence(c, want, got);
        if (k >= 0 && !allFinite(flat(got.get(k).params())) && allFinite(flat(want.get(k).params()))) {
            return "NaN or infinity in the parameters: a division by zero (is ε added after the square root, so"
                    + " that a zero gradient gives 0/(√0 + ε) = 0?) or an overflow";
        }
        if (d.expected() != null) {
            MistakeDiagnosis state = new MistakeDiagnosis();
            if (d.state().equals("momentum_buffer")) {
                state.variant(OptimizerMistakes.OTHER_MOMENTUM_FORM, d.expected().mul(-c.lrs()[d.step() - 1]));
            }
            String s = state.diagnose(d.expected(), d.actual());
            if (s != null) {
                return s.startsWith("momentum") ? s : STATE_NAMES.get(d.state()) + ": " + s;
            }
        }
        if (k < 0) {
            return null;
        }
        Tensor before = flat(k == 0 ? c.initial() : got.get(k - 1).params());
        Tensor expected = flat(want.get(k).params()).sub(before);
        Tensor actual = flat(got.get(k).params()).sub(before);
        String update = new MistakeDiagnosis().factor("the learning rate", c.lrs()[k]).diagnose(expected, actual);
        return update == null ? null : "the update of step " + (k + 1) + ": " + update;
    }

    private static int firstParameterDivergence(OptimizerCase c, List<Snapshot> want, List<Snapshot> got) {
        for (int k = 0; k < want.size(); k++) {
            if (!flat(got.get(k).params()).allClose(flat(want.get(k).params()), rtol(c), atol(c))) {
                return k;
            }
        }
        return -1;
    }

    private static boolean sameParameters(OptimizerCase c, List<Snapshot> a, List<Snapshot> b) {
        for (int k = 0; k < a.size(); k++) {
            if (!flat(a.get(k).params()).allClose(flat(b.get(k).params()), rtol(c), atol(c))) {
                return false;
            }
        }
        return true;
    }

    private static Tensor flat(List<Tensor> ts) {
        return Tensor.cat(ts.stream().map(t -> t.to(DType.FLOAT64).reshape(-1)).toList(), 0);
    }

    /** float64 student code should agree to rounding; float32 to float32's precision over a few steps. */
    private static double rtol(OptimizerCase c) {
        return c.dtype() == DType.FLOAT32 ? 1e-4 : 1e-6;
    }

    private static double atol(OptimizerCase c) {
        return c.dtype() == DType.FLOAT32 ? 1e-5 : 1e-8;
    }

    private static String name(int i) {
        return OptimizerCase.PARAMETER_NAMES.get(i);
    }
}
