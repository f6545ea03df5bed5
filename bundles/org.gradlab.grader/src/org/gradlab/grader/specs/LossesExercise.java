package org.gradlab.grader.specs;

import static org.gradlab.check.TensorComparison.allFinite;

import java.util.List;
import java.util.Map;

import org.gradlab.check.Comparison;
import org.gradlab.check.KinkException;
import org.gradlab.check.NumericGradient;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Loss;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.loss.BCELoss;
import org.gradlab.engine.loss.BCEWithLogitsLoss;
import org.gradlab.engine.loss.CrossEntropyLoss;
import org.gradlab.engine.loss.L1Loss;
import org.gradlab.engine.loss.MSELoss;
import org.gradlab.engine.loss.MultiMarginLoss;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.Verdict;

/**
 * 04-losses: six losses judged against the reference engine on cases drawn from the seed. Per
 * loss: the value (FORWARD) and dL/dinput (INPUT_GRADIENT, with the numeric gradient of the
 * student's own forward as second oracle and the reference's kink detector redrawing hinge/L1
 * inputs), batch of 1, sum vs mean and logits of ±1000 (EDGE_CASES), and untouched operands plus
 * a repeatable backward that follows the latest forward (STATEFUL_INVARIANTS). Linear and logistic
 * regression trained with the student's own losses count to FORWARD ({@link RegressionChecks}).
 */
public final class LossesExercise implements ExerciseSpec {
    private static final double RTOL = LayerOracle.RTOL;
    private static final double ATOL = LayerOracle.ATOL;
    private static final int RANDOM_CASES = 2;
    private static final int MAX_REDRAWS = 20;
    private static final double KINK_TOLERANCE = 1e-3;

    /** The six losses: their names and what kind of operands they take. */
    private enum Kind {
        MSE("MSELoss"), L1("L1Loss"), BCE("BCELoss"), BCE_WITH_LOGITS("BCEWithLogitsLoss"),
        CROSS_ENTROPY("CrossEntropyLoss"), MULTI_MARGIN("MultiMarginLoss");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean classification() {
            return this == CROSS_ENTROPY || this == MULTI_MARGIN;
        }

        boolean hasKinks() {
            return this == L1 || this == MULTI_MARGIN;
        }
    }

    /** One case: the operands, the reduction and (multi-margin only) the margin. */
    private record Case(Kind kind, Tensor input, Tensor target, Reduction reduction, double margin) {
        Loss reference() {
            return switch (kind) {
                case MSE -> new MSELoss(reduction);
                case L1 -> new L1Loss(reduction);
                case BCE -> new BCELoss(reduction);
                case BCE_WITH_LOGITS -> new BCEWithLogitsLoss(reduction);
                case CROSS_ENTROPY -> new CrossEntropyLoss(reduction);
                case MULTI_MARGIN -> new MultiMarginLoss(margin, 1, reduction);
            };
        }

        Loss student(StudentCode code) {
            String name = "losses." + kind.label;
            return kind == Kind.MULTI_MARGIN ? code.construct(name, Loss.class, margin, reduction)
                    : code.construct(name, Loss.class, reduction);
        }

        int batch() {
            return input.size(0);
        }

        /** What MEAN divides by: samples for classification, elements otherwise. */
        int terms() {
            return kind.classification() ? batch() : input.numel();
        }

        Case with(Reduction r) {
            return new Case(kind, input, target, r, margin);
        }

        String describe() {
            return reduction.name().toLowerCase() + ", " + operands();
        }

        String operands() {
            if (kind.classification()) {
                return "N=" + batch() + ", C=" + input.size(1)
                        + (kind == Kind.MULTI_MARGIN ? ", margin " + round(margin) : "");
            }
            return "shape " + java.util.Arrays.toString(input.shape());
        }
    }

    @Override
    public String id() {
        return "04-losses";
    }

    @Override
    public String title() {
        return "Loss functions";
    }

    @Override
    public List<String> studentClasses() {
        List<String> classes = new java.util.ArrayList<>(
                java.util.Arrays.stream(Kind.values()).map(k -> "losses." + k.label).toList());
        classes.add(RegressionChecks.CLASS);
        return classes;
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.0, Part.EDGE_CASES, 2.0,
                Part.STATEFUL_INVARIANTS, 2.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        for (Kind k : Kind.values()) {
            Rng rng = g.rng(k.label);
            String l = k.label + "/";
            for (int i = 1; i <= RANDOM_CASES; i++) {
                Case c = smooth(k, rng, 2 + rng.nextInt(3), reduction(rng), margin(rng));
                g.check(Part.FORWARD, l + "forward, random " + i + " (" + c.describe() + ")",
                        () -> forward(code, c));
                g.check(Part.INPUT_GRADIENT, l + "backward, random " + i + " (" + c.describe() + ")",
                        () -> gradient(code, c));
            }
            Case one = smooth(k, rng, 1, reduction(rng), margin(rng));
            g.check(Part.EDGE_CASES, l + "batch of 1 (" + one.describe() + ")", () -> both(code, one, ""));
            Case mean = smooth(k, rng, 2 + rng.nextInt(3), Reduction.MEAN, margin(rng));
            g.check(Part.EDGE_CASES, l + "sum vs mean (" + mean.operands() + ")", () -> {
                Verdict v = both(code, mean, "reduction mean: ");
                v = v.passed() ? both(code, mean.with(Reduction.SUM), "reduction sum: ") : v;
                return v.passed() ? Verdict.pass("mean and sum: losses and gradients match") : v;
            });
            if (k == Kind.CROSS_ENTROPY || k == Kind.BCE_WITH_LOGITS) {
                Case huge = extreme(k, rng);
                g.check(Part.EDGE_CASES, l + "logits ±1000 (" + huge.describe() + ")", () -> both(code, huge, ""));
            }
            Case first = smooth(k, rng, 2 + rng.nextInt(3), reduction(rng), margin(rng));
            Case second = smooth(k, rng, 2 + rng.nextInt(3), first.reduction(), first.margin());
            g.check(Part.STATEFUL_INVARIANTS, l + "operands untouched, backward repeatable",
                    () -> invariants(code, first, second));
        }
        RegressionChecks.check(g, code, g.rng("Regression"));
        return g.finish(null);
    }

    // ---------------------------------------------------------------- cases

    private static Reduction reduction(Rng rng) {
        return rng.nextInt(2) == 0 ? Reduction.MEAN : Reduction.SUM;
    }

    private static double margin(Rng rng) {
        return rng.uniform(0.5, 2.0);
    }

    /** A case of batch size {@code n}; hinge/L1 cases are redrawn until the reference is differentiable. */
    private static Case smooth(Kind k, Rng rng, int n, Reduction r, double margin) {
        for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
            Case c = draw(k, rng, n, r, margin);
            if (!k.hasKinks()) {
                return c;
            }
            try {
                Loss ref = c.reference();
                NumericGradient.vjpDetectingKinks(x -> Tensor.scalar(ref.forward(x, c.target())), c.input(),
                        Tensor.scalar(1.0), NumericGradient.DEFAULT_STEP, KINK_TOLERANCE);
                return c;
            } catch (KinkException kink) {
                // the probe straddles |x − t| = 0 or a margin: draw again
            }
        }
        throw new IllegalStateException(k.label + ": no differentiable case in " + MAX_REDRAWS + " draws");
    }

    private static Case draw(Kind k, Rng rng, int n, Reduction r, double margin) {
        if (k.classification()) {
            int c = 3 + rng.nextInt(4);
            Tensor logits = Tensor.randn(rng, n, c).mul(2.0);
            return new Case(k, logits, classes(rng, n, c), r, margin);
        }
        // rank 2 or 3, at least 3 elements so "averaged over 2 terms" never looks like a factor 2
        int[] shape = rng.nextInt(3) == 0 ? new int[] {n, 2 + rng.nextInt(2), 2} : new int[] {n, 3 + rng.nextInt(3)};
        return switch (k) {
            case MSE, L1 -> new Case(k, Tensor.randn(rng, shape), Tensor.randn(rng, shape), r, margin);
            case BCE -> new Case(k, Tensor.uniform(rng, 0.05, 0.95, shape), probabilities(rng, shape), r, margin);
            case BCE_WITH_LOGITS -> new Case(k, Tensor.randn(rng, shape).mul(3.0), probabilities(rng, shape), r,
                    margin);
            default -> throw new AssertionError(k);
        };
    }

    /** Logits of ±1000 (plus a little noise), where exp overflows unless the formula avoids it. */
    private static Case extreme(Kind k, Rng rng) {
        int n = 2 + rng.nextInt(3);
        int[] shape = k == Kind.CROSS_ENTROPY ? new int[] {n, 3 + rng.nextInt(3)} : new int[] {n, 3};
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.numel(); i++) {
            x.setFlat(i, (rng.nextInt(2) == 0 ? -1000 : 1000) + rng.uniform(-3, 3));
        }
        Tensor t = k == Kind.CROSS_ENTROPY ? classes(rng, n, shape[1]) : probabilities(rng, shape);
        return new Case(k, x, t, reduction(rng), 1.0);
    }

    private static Tensor classes(Rng rng, int n, int c) {
        Tensor t = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            t.setFlat(i, rng.nextInt(c));
        }
        return t;
    }

    /** Targets in [0, 1]: half hard labels 0/1, half soft. */
    private static Tensor probabilities(Rng rng, int[] shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, rng.nextInt(2) == 0 ? rng.nextInt(2) : rng.uniform());
        }
        return t;
    }

    // ---------------------------------------------------------------- checks

    private static Verdict forward(StudentCode code, Case c) {
        double want = c.reference().forward(c.input().copy(), c.target().copy());
        double got = c.student(code).forward(c.input().copy(), c.target().copy());
        if (close(want, got)) {
            return Verdict.pass("loss " + got + " matches");
        }
        String diagnosis = Double.isFinite(got) || !Double.isFinite(want)
                ? diagnosis(c, Tensor.scalar(want), false).diagnose(Tensor.scalar(want), Tensor.scalar(got))
                : overflow(c.kind(), false);
        return Verdict.fail("loss: expected " + want + ", got " + got + " (relative error "
                + round(TensorComparison.relativeError(got, want, ATOL)) + ")", diagnosis);
    }

    private static Verdict gradient(StudentCode code, Case c) {
        Loss ref = c.reference();
        double refLoss = ref.forward(c.input().copy(), c.target().copy());
        Tensor want = ref.backward();
        Loss student = c.student(code);
        student.forward(c.input().copy(), c.target().copy());
        Tensor got = student.backward();
        Comparison cmp = TensorComparison.compare("grad input", want, got, RTOL, ATOL);
        if (cmp.passed()) {
            return Verdict.of(cmp);
        }
        String diagnosis = got != null && !allFinite(got) && allFinite(want) ? overflow(c.kind(), true)
                : diagnosis(c, want, true).diagnose(want, got);
        return Verdict.fail(cmp.message() + consistency(student, c, got, refLoss), diagnosis);
    }

    /** Forward, then (if it passed) backward, with a prefix saying which variant of the case failed. */
    private static Verdict both(StudentCode code, Case c, String prefix) {
        Verdict f = forward(code, c);
        Verdict v = f.passed() ? gradient(code, c) : f;
        String what = f.passed() ? "backward: " : "forward: ";
        return v.passed() ? Verdict.pass(prefix + "loss and gradient match")
                : Verdict.fail(prefix + what + v.message(), v.diagnosis());
    }

    private static Verdict invariants(StudentCode code, Case first, Case second) {
        Loss s = first.student(code);
        Tensor x = first.input().copy();
        Tensor t = first.target().copy();
        s.forward(x, t);
        Tensor once = s.backward();
        Tensor onceCopy = once == null ? null : once.copy();
        Tensor twice = s.backward();
        if (onceCopy == null || twice == null) {
            return Verdict.fail("backward() returned null");
        }
        if (!x.allClose(first.input(), 0, 0)) {
            return Verdict.fail("forward or backward changed the input tensor in place; compute into new tensors");
        }
        if (!t.allClose(first.target(), 0, 0)) {
            return Verdict.fail("forward or backward changed the target tensor in place; compute into new tensors");
        }
        Comparison again = TensorComparison.compare("grad input of a second backward() call", onceCopy, twice, RTOL,
                ATOL);
        if (!again.passed()) {
            return Verdict.fail(again.message() + " (backward must not change what forward cached)");
        }
        // judged against a fresh instance of the student's own class, so a wrong formula is not counted twice
        Loss fresh = second.student(code);
        fresh.forward(second.input().copy(), second.target().copy());
        Tensor want = fresh.backward();
        if (want == null) {
            return Verdict.fail("backward() returned null");
        }
        s.forward(second.input().copy(), second.target().copy());
        Comparison latest = TensorComparison.compare("grad input after a second forward", want, s.backward(), RTOL,
                ATOL);
        if (!latest.passed()) {
            return Verdict.fail(latest.message() + " (a fresh " + first.kind().label + " gives another gradient for"
                    + " the same operands: backward must use the latest forward's operands only)");
        }
        return Verdict.pass("operands untouched; backward repeatable and follows the latest forward");
    }

    /** The second oracle: is a wrong gradient at least the derivative of the student's own forward? */
    private static String consistency(Loss student, Case c, Tensor got, double refLoss) {
        if (got == null || !got.sameShape(c.input())) {
            return "";
        }
        try {
            Tensor numeric = NumericGradient.ofScalar(x -> student.forward(x, c.target().copy()), c.input(),
                    NumericGradient.DEFAULT_STEP);
            boolean forwardRight = close(refLoss, student.forward(c.input().copy(), c.target().copy()));
            if (!numeric.allClose(got, 1e-4, 1e-6)) {
                return " — it does not match the numeric gradient of your own forward either";
            }
            return forwardRight ? "" : " — your backward matches the numeric gradient of your own forward, but that"
                    + " forward is wrong: fix forward first";
        } catch (RuntimeException | Error e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- diagnosis

    /** Known mistakes for this case, as the loss value or gradient each would give. */
    private static MistakeDiagnosis diagnosis(Case c, Tensor expected, boolean gradient) {
        MistakeDiagnosis d = new MistakeDiagnosis();
        int n = c.batch();
        int numel = c.input().numel();
        int terms = c.terms();
        if (!gradient && c.kind() == Kind.MULTI_MARGIN) {
            double perSample = c.margin() / c.input().size(1);
            d.variant("the sum over classes includes the target class i = y (adds margin/C per sample)",
                    expected.add(c.reduction() == Reduction.MEAN ? perSample : perSample * n));
        }
        if (c.reduction() == Reduction.MEAN) {
            if (c.kind().classification() && numel != n) {
                d.variant("mean taken over all N·C = " + numel + " logits instead of the N samples",
                        expected.mul((double) n / numel));
            } else if (!c.kind().classification() && numel != n) {
                d.variant("mean divided by the batch size N = " + n + " instead of the number of elements ("
                        + numel + ")", expected.mul((double) numel / n));
            }
            if (terms != 1) {
                d.variant("reduction MEAN ignored: summed instead of averaged over the " + terms + " terms",
                        expected.mul(terms));
            }
        } else if (terms != 1) {
            d.variant("reduction SUM ignored: averaged over the " + terms + " terms instead of summed",
                    expected.div(terms));
        }
        if (gradient && c.kind() == Kind.MSE) {
            d.factor("2", 2);
        }
        if (c.kind().classification()) {
            d.factor("C (the number of classes)", c.input().size(1));
        }
        if (!c.kind().classification()) {
            d.factor("the number of elements", numel);
        }
        d.factor("the batch size N", n);
        return d;
    }

    /** The overflow each logit loss is prone to, named for what the student most likely wrote. */
    private static String overflow(Kind k, boolean gradient) {
        if (k == Kind.CROSS_ENTROPY) {
            return "log-softmax without the max shift: exp(1000) overflows to infinity, giving NaN/Inf; subtract"
                    + " each row's maximum before exponentiating";
        }
        if (k == Kind.BCE_WITH_LOGITS) {
            return gradient ? "σ(x) overflowed (NaN/Inf): compute it from e^−|x| ≤ 1, e.g. 1/(1 + e^−x) for x ≥ 0"
                    + " and e^x/(1 + e^x) for x < 0"
                    : "log σ(x) computed directly: σ(±1000) rounds to 0 or 1 and the log gives infinity; use"
                            + " max(x, 0) − x·t + log(1 + e^−|x|)";
        }
        return "NaN or infinity where the true values are finite: an overflow";
    }

    // ---------------------------------------------------------------- helpers

    private static boolean close(double want, double got) {
        return Math.abs(got - want) <= ATOL + RTOL * Math.abs(want) || got == want;
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
