package org.gradlab.grader.spec;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.gradlab.check.Comparison;
import org.gradlab.check.KinkException;
import org.gradlab.check.NumericGradient;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;
import org.gradlab.check.diagnose.MistakeDiagnosis;

/**
 * Judges a student {@link Layer} against the reference on one case, with three oracles per
 * backward: the reference's analytic gradient (what is scored), numeric gradients of the
 * student's own forward (says whether a wrong backward is at least consistent with the student's
 * forward), and numeric gradients of the reference (guards the case itself: a probe that crosses
 * a kink is redrawn by the caller via {@link KinkException}). A bug in forward therefore neither
 * hides nor excuses a bug in backward.
 */
public final class LayerOracle {
    /** Tolerances for float64 student code against the float64 reference. */
    public static final double RTOL = 1e-6;
    public static final double ATOL = 1e-8;
    private static final double KINK_TOLERANCE = 1e-3;
    /** Numeric oracles cost two forward passes per input element; above this they are skipped. */
    private static final int NUMERIC_LIMIT = 400;

    private LayerOracle() {
    }

    /** The case to run and the diagnosis context for its gradients. */
    public record Case(String name, Tensor input, Tensor gradOutput, MistakeDiagnosis inputDiagnosis,
            MistakeDiagnosis parameterDiagnosis) {
        public Case(String name, Tensor input, Tensor gradOutput) {
            this(name, input, gradOutput, new MistakeDiagnosis(), new MistakeDiagnosis());
        }
    }

    /**
     * Throws {@link KinkException} when the reference itself is not differentiable at this input
     * (the caller draws another); call before {@link #judge} for layers with kinks.
     */
    public static void requireSmooth(Layer reference, Tensor input, Tensor gradOutput) {
        if (input.numel() <= NUMERIC_LIMIT) {
            NumericGradient.vjpDetectingKinks(reference::forward, input, gradOutput, NumericGradient.DEFAULT_STEP,
                    KINK_TOLERANCE);
        }
    }

    /**
     * Copies the reference parameters into the student's, then checks forward (FORWARD), the
     * input gradient (INPUT_GRADIENT), every parameter gradient (PARAMETER_GRADIENTS) and, when
     * {@code invariants} is set, that inputs are not mutated and gradients accumulate until zeroed
     * (STATEFUL_INVARIANTS).
     */
    public static void judge(Grading g, String layerName, Layer student, Layer reference, Case c,
            boolean invariants) {
        String prefix = layerName + "/" + c.name() + ": ";
        List<Parameter> refParams = reference.parameters();
        Tensor[] studentOut = new Tensor[1];
        Tensor refOut = reference.forward(c.input().copy());
        Tensor refDx = reference.backward(c.gradOutput().copy());

        g.check(Part.FORWARD, prefix + "forward", () -> {
            syncParameters(layerName, refParams, student.parameters());
            studentOut[0] = student.forward(c.input().copy());
            return Verdict.of(TensorComparison.compare("output", refOut, studentOut[0], RTOL, ATOL));
        });

        Tensor[] studentDx = new Tensor[1];
        g.check(Part.INPUT_GRADIENT, prefix + "backward (input gradient)", () -> {
            syncParameters(layerName, refParams, student.parameters());
            zeroGrads(student.parameters());
            student.forward(c.input().copy());
            studentDx[0] = student.backward(c.gradOutput().copy());
            Comparison cmp = TensorComparison.compare("grad input", refDx, studentDx[0], RTOL, ATOL);
            if (cmp.passed()) {
                return Verdict.of(cmp);
            }
            String diagnosis = c.inputDiagnosis().diagnose(refDx, studentDx[0]);
            return new Verdict(false, cmp.message() + consistency(student, c, studentDx[0], refOut), diagnosis);
        });

        if (!refParams.isEmpty()) {
            g.check(Part.PARAMETER_GRADIENTS, prefix + "backward (parameter gradients)", () -> {
                List<Parameter> ps = student.parameters();
                syncParameters(layerName, refParams, ps);
                zeroGrads(ps);
                student.forward(c.input().copy());
                student.backward(c.gradOutput().copy());
                for (int i = 0; i < refParams.size(); i++) {
                    Parameter r = refParams.get(i);
                    Comparison cmp = TensorComparison.compare("grad " + r.name(), r.grad(), ps.get(i).grad(), RTOL,
                            ATOL);
                    if (!cmp.passed()) {
                        return Verdict.fail(cmp.message(), c.parameterDiagnosis().diagnose(r.grad(), ps.get(i).grad()));
                    }
                }
                return Verdict.pass("all parameter gradients match");
            });
        }

        if (invariants) {
            g.check(Part.STATEFUL_INVARIANTS, prefix + "inputs not mutated, gradients accumulate", () -> {
                List<Parameter> ps = student.parameters();
                syncParameters(layerName, refParams, ps);
                zeroGrads(ps);
                Tensor x = c.input().copy();
                Tensor go = c.gradOutput().copy();
                student.forward(x);
                Tensor first = student.backward(go);
                if (!x.allClose(c.input(), 0, 0)) {
                    return Verdict.fail("forward or backward changed its input tensor in place; return new tensors");
                }
                if (!go.allClose(c.gradOutput(), 0, 0)) {
                    return Verdict.fail("backward changed gradOutput in place; return a new tensor");
                }
                List<Tensor> once = ps.stream().map(p -> p.grad().copy()).toList();
                student.forward(c.input().copy());
                Tensor second = student.backward(c.gradOutput().copy());
                Comparison same = TensorComparison.compare("grad input of a second forward/backward", first, second,
                        RTOL, ATOL);
                if (!same.passed()) {
                    return Verdict.fail(same.message() + " (state from the first pass leaked into the second)");
                }
                for (int i = 0; i < ps.size(); i++) {
                    Comparison acc = TensorComparison.compare("grad " + ps.get(i).name() + " after two backward calls",
                            once.get(i).mul(2), ps.get(i).grad(), RTOL, ATOL);
                    if (!acc.passed()) {
                        return Verdict.fail(acc.message(),
                                close(once.get(i), ps.get(i).grad()) ? "parameter gradients are overwritten, not"
                                        + " accumulated (+=) across backward calls" : null);
                    }
                }
                return Verdict.pass("inputs untouched; gradients accumulate");
            });
        }
    }

    /** The second oracle: is the student's wrong backward at least the derivative of their own forward? */
    private static String consistency(Layer student, Case c, Tensor studentDx, Tensor refOut) {
        if (c.input().numel() > NUMERIC_LIMIT || studentDx == null) {
            return "";
        }
        try {
            Function<Tensor, Tensor> f = student::forward;
            Tensor numeric = NumericGradient.vjp(f, c.input(), c.gradOutput(), NumericGradient.DEFAULT_STEP);
            Tensor out = student.forward(c.input().copy());
            boolean forwardRight = TensorComparison.compare("output", refOut, out, RTOL, ATOL).passed();
            boolean consistent = numeric.sameShape(studentDx) && numeric.allClose(studentDx, 1e-4, 1e-6);
            if (consistent && !forwardRight) {
                return " — your backward matches the numeric gradient of your own forward, but that forward is"
                        + " wrong: fix forward first";
            }
            if (!consistent) {
                return " — it does not match the numeric gradient of your own forward either";
            }
        } catch (RuntimeException | Error e) {
            return "";
        }
        return "";
    }

    /** Gives the student layer the reference's parameter values (same count, order and shapes required). */
    public static void syncParameters(String layerName, List<Parameter> reference, List<Parameter> student) {
        if (student == null || student.size() != reference.size()) {
            throw new StudentFault(layerName + ".parameters() returned " + (student == null ? "null"
                    : student.size() + " parameter(s)") + ", expected " + reference.size() + ": "
                    + reference.stream().map(p -> p.name() + " " + Arrays.toString(p.value().shape())).toList(),
                    false, true, null);
        }
        for (int i = 0; i < reference.size(); i++) {
            Tensor want = reference.get(i).value();
            Tensor have = student.get(i).value();
            if (!have.sameShape(want)) {
                throw new StudentFault(layerName + " parameter " + i + " (" + student.get(i).name() + ") has shape "
                        + Arrays.toString(have.shape()) + ", expected " + reference.get(i).name() + " "
                        + Arrays.toString(want.shape()), false, true, null);
            }
            have.copyFrom(want);
        }
    }

    private static void zeroGrads(List<Parameter> ps) {
        for (Parameter p : ps) {
            p.zeroGrad();
        }
    }

    private static boolean close(Tensor a, Tensor b) {
        return a.sameShape(b) && a.allClose(b, RTOL, ATOL);
    }
}
