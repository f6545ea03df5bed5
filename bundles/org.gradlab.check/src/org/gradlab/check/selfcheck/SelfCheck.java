package org.gradlab.check.selfcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.check.vectors.TestVectorFile;
import org.gradlab.check.vectors.VectorCase;
import org.gradlab.check.vectors.VectorFormatException;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * The student's self-check of one exercise, without the reference engine: the exercise's public
 * test vectors (PyTorch's numbers) run through the student's classes — output, gradients, state —
 * plus numeric gradient checks of the student's own classes on random inputs and the property
 * checks of what no fixed vector can pin down. Each aspect of each class gets one line; an
 * untouched stub reads "not started", never a stack trace.
 *
 * <p>Runs in the caller's thread; {@link SelfCheckRunner} adds the watchdog against endless loops.
 */
public final class SelfCheck {
    /** The grader's tolerances for float64 results. */
    public static final double RTOL = 1e-6;
    public static final double ATOL = 1e-8;
    /** The seed of the random inputs of the numeric checks: the same inputs every run. */
    static final long SEED = 20_240_901L;
    /** What the public vectors' values are, in an {@link Evidence}. */
    static final String EXPECTED_LABEL = "expected (PyTorch)";
    /** The two sides of a numeric gradient check, in an {@link Evidence}. */
    static final String NUMERIC_LABEL = "numeric gradient";
    static final String ANALYTIC_LABEL = "your backward";

    private SelfCheck() {
    }

    /** Checks the exercise in {@code exerciseDir} (exercise.json, vectors) against the classes of {@code loader}. */
    public static ExerciseReport check(Path exerciseDir, ClassLoader loader) throws IOException {
        ExerciseManifest manifest = ExerciseManifest.read(exerciseDir);
        Student s = new Student(loader);
        Tally tally = new Tally();
        manifest.classNames().forEach(tally::declare);
        List<String> notes = new ArrayList<>();
        Path vectors = manifest.vectorsPath(exerciseDir);
        if (vectors != null && Files.exists(vectors)) {
            for (VectorCase c : TestVectorFile.read(vectors).cases()) {
                runCase(s, tally, c, notes);
            }
        } else if (vectors != null) {
            notes.add("no public vectors: " + vectors + " is missing");
        }
        GradientProbes.run(s, tally, manifest.classNames(), SEED);
        PropertyChecks.run(s, tally, manifest.classNames());
        List<ClassReport> classes = tally.reports();
        return new ExerciseReport(manifest.id(), manifest.title(), ExerciseReport.statusOf(classes), classes,
                List.copyOf(notes), tally.curves());
    }

    private static void runCase(Student s, Tally tally, VectorCase c, List<String> notes) {
        StudentOps.Adapter adapter;
        try {
            adapter = StudentOps.forOp(c.op());
        } catch (VectorFormatException e) {
            notes.add(e.getMessage());
            return;
        }
        if (adapter == null) {
            notes.add(c.location() + ": op \"" + c.op() + "\" has no student class to run on (skipped)");
            return;
        }
        String cls = adapter.className();
        if (tally.missing(cls)) {
            return;
        }
        CaseAttrs attrs = new CaseAttrs(c.location(), c.attrs());
        if (adapter instanceof StudentOps.OptimizerAdapter opt) {
            runSteps(s, tally, c, opt, attrs);
        } else {
            runTensorCase(s, tally, c, (StudentOps.TensorAdapter) adapter, attrs);
        }
    }

    private static void runTensorCase(Student s, Tally tally, VectorCase c, StudentOps.TensorAdapter adapter,
            CaseAttrs attrs) {
        String cls = adapter.className();
        Map<String, Tensor> inputs;
        StudentOps.Run run;
        String forward = adapter.forwardGiven() ? "backward" : "forward";
        try {
            inputs = c.inputs();
            run = adapter.factory().prepare(s, inputs, attrs);
        } catch (Throwable t) {
            fault(s, tally, cls, forward, c.name(), t);
            return;
        }
        Tensor out;
        try {
            out = run.forward();
        } catch (Throwable t) {
            fault(s, tally, cls, forward, c.name(), t);
            return;
        }
        if (!adapter.forwardGiven()) {
            record(tally, cls, "forward", c.name(), List.of(compare("output", c.expectedOutput(), out, inputs)));
        }
        Map<String, Tensor> grads;
        try {
            grads = run.backward(c.gradOutput());
        } catch (Throwable t) {
            fault(s, tally, cls, "backward", c.name(), t);
            return;
        }
        List<Verdict> verdicts = new ArrayList<>();
        c.expectedGrads().forEach((name, expected) -> verdicts.add(compare("grad " + name, expected, grads.get(name),
                inputs)));
        record(tally, cls, "backward", c.name(), verdicts);
        Map<String, Tensor> expectedState = c.expectedState();
        if (!expectedState.isEmpty()) {
            try {
                Map<String, Tensor> state = run.state();
                List<Verdict> sv = new ArrayList<>();
                expectedState.forEach((name, expected) -> sv.add(compare(name, expected, state.get(name), inputs)));
                record(tally, cls, "running statistics", c.name(), sv);
            } catch (Throwable t) {
                fault(s, tally, cls, "running statistics", c.name(), t);
            }
        }
    }

    /** Optimizer cases: the parameter after each step; the first step that diverges is named. */
    private static void runSteps(Student s, Tally tally, VectorCase c, StudentOps.OptimizerAdapter adapter,
            CaseAttrs attrs) {
        String cls = adapter.className();
        try {
            Parameter p = new Parameter("param", StudentOps.input(c.inputs(), "param").copy());
            Optimizer opt = StudentOps.optimizer(s, adapter, p, attrs);
            List<Tensor> grads = c.grads();
            List<Tensor> expected = c.expectedParams();
            for (int i = 0; i < grads.size(); i++) {
                p.zeroGrad();
                p.accumulateGrad(grads.get(i));
                opt.step();
                Verdict v = compare("param after step " + (i + 1) + " of " + grads.size(), expected.get(i), p.value(),
                        Map.of("input", grads.get(i)));
                if (!v.comparison.passed()) {
                    record(tally, cls, "step", c.name(), List.of(v));
                    return;
                }
            }
            tally.pass(cls, "step");
        } catch (Throwable t) {
            fault(s, tally, cls, "step", c.name(), t);
        }
    }

    // ---------------------------------------------------------------- comparing and naming mistakes

    /** A comparison and, when it failed, the mistake it looks like and the tensors for the evidence. */
    private record Verdict(Comparison comparison, String diagnosis, Tensor expected, Tensor actual) {
    }

    private static Verdict compare(String name, Tensor expected, Tensor actual, Map<String, Tensor> inputs) {
        Comparison c = TensorComparison.compare(name, expected, actual, RTOL, ATOL);
        return c.passed() ? new Verdict(c, null, null, null)
                : new Verdict(c, diagnose(expected, actual, inputs.get("input")), expected, actual);
    }

    /** All passed, or the first failure (its message prefixed with the case name). */
    private static void record(Tally tally, String cls, String aspect, String caseName, List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            if (!v.comparison.passed()) {
                tally.add(cls, aspect, Outcome.FAILED, caseName + ": " + v.comparison.message(), v.diagnosis,
                        Evidence.of(caseName, v.comparison.name(), v.expected, v.actual, RTOL, ATOL, EXPECTED_LABEL,
                                "yours"));
                return;
            }
        }
        tally.pass(cls, aspect);
    }

    /**
     * The generic mistake a wrong tensor looks like: sign, transpose, a factor of 2 or of the batch
     * size or element count, a missing sum over a broadcast axis, NaN from an overflow.
     */
    static String diagnose(Tensor expected, Tensor actual, Tensor input) {
        if (expected == null || actual == null) {
            return null;
        }
        MistakeDiagnosis d = new MistakeDiagnosis().factor("2", 2);
        if (input != null && input.dim() >= 1 && input.size(0) > 2) {
            d.factor("the batch size", input.size(0));
        }
        if (input != null && input.numel() > 2 && (input.dim() == 0 || input.numel() != input.size(0))) {
            d.factor("the number of elements", input.numel());
        }
        return d.diagnose(expected, actual);
    }

    /**
     * Runs one aspect's check of {@code cls} unless the class is missing; whatever it throws is
     * recorded by {@link #fault} under that aspect, so one aspect failing never stops the next.
     */
    static void guarded(Student s, Tally tally, String cls, String aspect, Runnable check) {
        if (tally.missing(cls)) {
            return;
        }
        try {
            check.run();
        } catch (Throwable t) {
            fault(s, tally, cls, aspect, "", t);
        }
    }

    /** Records what student code threw: not started (a TODO stub), missing API, or a failure. */
    static void fault(Student s, Tally tally, String cls, String aspect, String caseName, Throwable t) {
        if (t instanceof CaseAttrs.UnsupportedCase || t instanceof VectorFormatException) {
            tally.add(cls, aspect, Outcome.FAILED, "the self-check cannot run " + caseName + ": " + t.getMessage(),
                    null);
            return;
        }
        Outcome outcome = t instanceof Student.MissingApi ? Outcome.MISSING
                : Student.notStarted(t) ? Outcome.NOT_STARTED : Outcome.FAILED;
        String prefix = caseName.isEmpty() || outcome != Outcome.FAILED ? "" : caseName + ": ";
        tally.add(cls, aspect, outcome, prefix + s.describe(t), null);
    }
}
