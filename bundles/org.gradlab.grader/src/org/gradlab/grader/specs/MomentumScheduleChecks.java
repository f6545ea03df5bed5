package org.gradlab.grader.specs;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.optim.CosineAnnealingLR;
import org.gradlab.engine.optim.LrScheduler;
import org.gradlab.engine.optim.SGD;
import org.gradlab.engine.optim.StepLR;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.Verdict;

/**
 * 06-optimizers' two smaller pieces: MomentumForms (heavy ball and velocity form, each against the
 * reference SGD(momentum) trajectory and against each other) and the learning-rate schedules
 * StepLR and CosineAnnealingLR (rate of every epoch against the reference schedule, past T_max
 * too, and that the rate is set on the optimizer).
 */
final class MomentumScheduleChecks {
    static final List<String> CLASSES = List.of("optim.MomentumForms", "optim.StepLR", "optim.CosineAnnealingLR");
    private static final int EPOCHS = 25;
    /** The two forms differ only by rounding: relative 1e-12 of the trajectory's scale. */
    private static final double FORM_RTOL = 1e-12;
    private static final Class<?>[] FORM_ARGS = {Tensor.class, List.class, double.class, double.class};

    private MomentumScheduleChecks() {
    }

    static void grade(Grading g, StudentCode code) {
        Rng rng = g.rng("MomentumForms");
        for (int i = 1; i <= 2; i++) {
            double lr = OptimizerCase.sig(rng.uniform(0.01, 0.2));
            double beta = OptimizerCase.sig(rng.uniform(0.5, 0.95));
            Tensor theta0 = Tensor.randn(rng, 1 + rng.nextInt(3), 2 + rng.nextInt(3));
            List<Tensor> grads = new ArrayList<>();
            for (int k = 6 + rng.nextInt(3); k > 0; k--) {
                grads.add(Tensor.randn(rng, theta0.shape()));
            }
            String c = "lr=" + lr + ", beta=" + beta + ", " + grads.size() + " steps on " + shape(theta0);
            for (String form : List.of("heavyBall", "velocity")) {
                g.check(Part.FORWARD, "MomentumForms/" + form + " vs SGD(momentum), random " + i,
                        () -> againstSgd(code, form, theta0, grads, lr, beta, c));
            }
            g.check(Part.STATEFUL_INVARIANTS, "MomentumForms/heavyBall equals velocity, random " + i,
                    () -> formsAgree(code, theta0, grads, lr, beta, c));
        }
        Rng s = g.rng("StepLR");
        for (int i = 1; i <= 2; i++) {
            double lr0 = OptimizerCase.sig(s.uniform(0.01, 1.0));
            int stepSize = 1 + s.nextInt(6);
            double gamma = OptimizerCase.sig(s.uniform(0.1, 0.9));
            String c = "StepLR(step_size=" + stepSize + ", gamma=" + gamma + ") on SGD(lr=" + lr0 + ")";
            g.check(Part.STATEFUL_INVARIANTS, "StepLR/" + EPOCHS + " epochs, random " + i,
                    () -> schedule(code, "optim.StepLR", lr0, o -> new StepLR(o, stepSize, gamma), stepSize, gamma, c));
        }
        Rng cr = g.rng("CosineAnnealingLR");
        for (int i = 1; i <= 2; i++) {
            double lr0 = OptimizerCase.sig(cr.uniform(0.01, 1.0));
            int tMax = 3 + cr.nextInt(8);
            double etaMin = i == 1 ? 0.0 : OptimizerCase.sig(lr0 * cr.uniform(0.01, 0.3));
            String c = "CosineAnnealingLR(T_max=" + tMax + ", eta_min=" + etaMin + ") on SGD(lr=" + lr0 + ")";
            Part part = i == 1 ? Part.STATEFUL_INVARIANTS : Part.EDGE_CASES;
            g.check(part, "CosineAnnealingLR/" + EPOCHS + " epochs (past T_max), random " + i,
                    () -> schedule(code, "optim.CosineAnnealingLR", lr0, o -> new CosineAnnealingLR(o, tMax, etaMin),
                            tMax, etaMin, c));
        }
    }

    // ---------------------------------------------------------------- momentum forms

    private static Tensor[] form(StudentCode code, String form, Tensor theta0, List<Tensor> grads, double lr,
            double beta, String c) {
        Tensor x = theta0.copy();
        List<Tensor> gs = grads.stream().map(Tensor::copy).toList();
        Object r = code.callStatic("optim.MomentumForms", form, FORM_ARGS, x, gs, lr, beta);
        if (!(r instanceof Tensor[] out) || out.length != grads.size()) {
            throw new StudentFault("MomentumForms." + form + " must return one θ per gradient (" + grads.size()
                    + "), got " + (r instanceof Tensor[] a ? a.length + " tensors" : "null") + " — " + c, false, false,
                    null);
        }
        if (!x.allClose(theta0, 0, 0) || !Tensor.stack(gs, 0).allClose(Tensor.stack(grads, 0), 0, 0)) {
            throw new StudentFault("MomentumForms." + form + " changed theta0 or the gradients in place: they are"
                    + " only read — " + c, false, false, null);
        }
        return out;
    }

    private static Verdict againstSgd(StudentCode code, String form, Tensor theta0, List<Tensor> grads, double lr,
            double beta, String c) {
        Tensor[] got = form(code, form, theta0, grads, lr, beta, c);
        Tensor[] want = sgd(theta0, grads, lr, beta);
        double atol = FORM_RTOL * scale(want);
        for (int t = 0; t < want.length; t++) {
            Comparison cmp = TensorComparison.compare("θ", want[t], got[t], 1e-10, atol);
            if (!cmp.passed()) {
                MistakeDiagnosis d = new MistakeDiagnosis().factor("the learning rate", lr)
                        .variant("no momentum (β ignored): plain gradient descent", sgd(theta0, grads, lr, 0)[t]);
                if (t > 0) {
                    d.variant("θ of the step before: the trajectory is shifted by one step", want[t - 1]);
                }
                return Verdict.fail("after step " + (t + 1) + " θ differs from SGD(lr, momentum=β)'s — "
                        + cmp.message() + " — " + c, d.diagnose(want[t], got[t]));
            }
        }
        return Verdict.pass("θ after each of the " + want.length + " steps matches SGD(lr, momentum=β) — " + c);
    }

    private static Verdict formsAgree(StudentCode code, Tensor theta0, List<Tensor> grads, double lr, double beta,
            String c) {
        Tensor[] a = form(code, "heavyBall", theta0, grads, lr, beta, c);
        Tensor[] b = form(code, "velocity", theta0, grads, lr, beta, c);
        double atol = FORM_RTOL * scale(a);
        for (int t = 0; t < a.length; t++) {
            Comparison cmp = TensorComparison.compare("velocity θ vs heavyBall θ", a[t], b[t], FORM_RTOL, atol);
            if (!cmp.passed()) {
                return Verdict.fail("after step " + (t + 1) + " the two forms part ways (they must agree to 1e-12"
                        + " relative) — " + cmp.message() + " — " + c);
            }
        }
        return Verdict.pass("heavyBall and velocity agree to 1e-12 relative after each of the " + a.length
                + " steps — " + c);
    }

    /** The reference trajectory: the engine's SGD with momentum β, no dampening. */
    private static Tensor[] sgd(Tensor theta0, List<Tensor> grads, double lr, double beta) {
        Parameter p = new Parameter("theta", theta0.copy());
        Optimizer opt = new SGD(List.of(p), lr, beta, 0, 0, false);
        Tensor[] out = new Tensor[grads.size()];
        for (int t = 0; t < out.length; t++) {
            p.grad().copyFrom(grads.get(t));
            opt.step();
            out[t] = p.value().copy();
        }
        return out;
    }

    private static double scale(Tensor[] ts) {
        double m = 1e-300;
        for (Tensor t : ts) {
            m = Math.max(m, t.abs().maxAll());
        }
        return m;
    }

    // ---------------------------------------------------------------- schedules

    private static Verdict schedule(StudentCode code, String cls, double lr0,
            java.util.function.Function<Optimizer, LrScheduler> reference, int period, double other, String c) {
        Optimizer refOpt = new SGD(List.of(new Parameter("w", Tensor.zeros(1))), lr0, 0, 0, 0, false);
        LrScheduler ref = reference.apply(refOpt);
        Optimizer opt = new SGD(List.of(new Parameter("w", Tensor.zeros(1))), lr0, 0, 0, 0, false);
        Object s = construct(code, cls, opt, period, other);
        for (int e = 0; e <= EPOCHS; e++) {
            if (e > 0) {
                ref.step();
                code.call(s, "step");
            }
            double want = ref.lr();
            double got = (Double) code.call(s, "lr");
            String at = (e == 0 ? "before the first step()" : "after " + e + " step()" + (e == 1 ? "" : "s"));
            if (!close(want, got)) {
                String why = cls.endsWith("CosineAnnealingLR") && e > period && close(other, got)
                        ? "the rate clamped at eta_min past T_max: torch's cosine rises again (period 2·T_max)"
                        : null;
                return Verdict.fail(at + " lr() is " + got + ", expected " + want + " — " + c, why);
            }
            if (!close(want, opt.learningRate())) {
                return Verdict.fail(at + " lr() is right but the optimizer's learningRate() is "
                        + opt.learningRate() + ", expected " + want + ": set it with setLearningRate — " + c,
                        "the schedule computes the rate but never sets it on the optimizer");
            }
        }
        return Verdict.pass(String.format(Locale.ROOT, "lr() and the optimizer's rate match for epochs 0..%d — %s",
                EPOCHS, c));
    }

    private static boolean close(double want, double got) {
        return Math.abs(want - got) <= 1e-10 * Math.abs(want) + 1e-14;
    }

    /** {@code new cls(Optimizer, int, double)}: StudentCode matches arguments by runtime class. */
    private static Object construct(StudentCode code, String cls, Optimizer opt, int period, double other) {
        Class<?> c = code.load(cls);
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor(Optimizer.class, int.class, double.class);
        } catch (NoSuchMethodException e) {
            throw new StudentFault(cls + " needs a public constructor " + c.getSimpleName()
                    + "(Optimizer, int, double)", false, true, e);
        }
        try {
            return ctor.newInstance(opt, period, other);
        } catch (InvocationTargetException e) {
            throw StudentFault.of(e.getCause(), code);
        } catch (ReflectiveOperationException e) {
            throw new StudentFault("cannot construct " + cls + ": " + e, false, true, e);
        }
    }

    private static String shape(Tensor t) {
        return java.util.Arrays.toString(t.shape());
    }
}
