package org.gradlab.grader.spec;

import java.util.Arrays;
import java.util.List;

import org.gradlab.check.KinkException;
import org.gradlab.check.NumericGradient;
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
     * (STATEFUL_INVARIANTS). A layer is the one-input, one-output case of {@link ModuleOracle},
     * which does the judging.
     */
    public static void judge(Grading g, String layerName, Layer student, Layer reference, Case c,
            boolean invariants) {
        ModuleOracle.Case mc = new ModuleOracle.Case(c.name()).input("input", c.input())
                .output("output", c.gradOutput()).diagnoseGrad("input", c.inputDiagnosis());
        for (Parameter p : reference.parameters()) {
            mc.diagnoseParameter(p.name(), c.parameterDiagnosis());
        }
        ModuleOracle.judge(g, layerName, module(student), module(reference), mc, invariants);
    }

    /** A one-input, one-output layer as a {@link ModuleOracle.Module}. */
    public static ModuleOracle.Module module(Layer layer) {
        return ModuleOracle.of(in -> new Tensor[] {layer.forward(in[0])},
                grad -> new Tensor[] {layer.backward(grad[0])}, layer::parameters);
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
}
