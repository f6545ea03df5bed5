package org.gradlab.grader.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.gradlab.check.Comparison;
import org.gradlab.check.NumericGradient;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;
import org.gradlab.check.diagnose.MistakeDiagnosis;

/**
 * {@link LayerOracle} for modules with several inputs and outputs (recurrent cells, attention,
 * losses with a target): forward (every output), one check per differentiable input's gradient,
 * the parameter gradients and, optionally, the stateful invariants. Each gradient has the same
 * three oracles: the reference's analytic gradient (scored), the numeric gradient of the
 * student's own forward (explains a failure), and the reference's numeric gradient (guards the
 * case: {@link #requireSmooth} throws at a kink so the caller redraws).
 *
 * <p>Convention: {@code forward} takes the case's inputs in order (differentiable and constant
 * ones alike) and returns one tensor per output; {@code backward} takes one gradient per output
 * and returns one gradient per differentiable input, in order. The scalar behind a backward is
 * L = Σ_k ⟨output_k, gradOutput_k⟩.
 */
public final class ModuleOracle {
    public static final double RTOL = LayerOracle.RTOL;
    public static final double ATOL = LayerOracle.ATOL;
    private static final double KINK_TOLERANCE = 1e-3;
    /** Numeric oracles cost two forward passes per input element; above this they are skipped. */
    private static final int NUMERIC_LIMIT = 400;

    private ModuleOracle() {
    }

    /** A module as tensors in, tensors out. */
    public interface Module {
        Tensor[] forward(Tensor... inputs);

        Tensor[] backward(Tensor... gradOutputs);

        List<Parameter> parameters();
    }

    /** A module from three functions (for reference engine classes). */
    public static Module of(Function<Tensor[], Tensor[]> forward, Function<Tensor[], Tensor[]> backward,
            Supplier<List<Parameter>> parameters) {
        return new Module() {
            @Override
            public Tensor[] forward(Tensor... inputs) {
                return forward.apply(inputs);
            }

            @Override
            public Tensor[] backward(Tensor... gradOutputs) {
                return backward.apply(gradOutputs);
            }

            @Override
            public List<Parameter> parameters() {
                return parameters.get();
            }
        };
    }

    /**
     * A student object with public {@code forward(Tensor…)} and {@code backward(Tensor…)} (each
     * returning a Tensor or a Tensor[]) and {@code parameters()}; results are checked against the
     * case's output and input names, so a wrong count or type fails the check with a clear message.
     */
    public static Module student(StudentInstance s, Case c) {
        String name = s.className().substring(s.className().lastIndexOf('.') + 1);
        return new Module() {
            @Override
            public Tensor[] forward(Tensor... inputs) {
                return StudentInstance.tensors(name + ".forward", s.call("forward", (Object[]) inputs), c.outputNames);
            }

            @Override
            public Tensor[] backward(Tensor... gradOutputs) {
                return StudentInstance.tensors(name + ".backward", s.call("backward", (Object[]) gradOutputs),
                        c.gradNames());
            }

            @Override
            public List<Parameter> parameters() {
                return s.parameters();
            }
        };
    }

    /** One case: named inputs (differentiable or constant), named outputs with their gradients, diagnoses. */
    public static final class Case {
        private final String name;
        private final List<String> inputNames = new ArrayList<>();
        private final List<Tensor> inputs = new ArrayList<>();
        private final List<Integer> differentiable = new ArrayList<>();
        private final List<String> outputNames = new ArrayList<>();
        private final List<Tensor> gradOutputs = new ArrayList<>();
        private final Map<String, MistakeDiagnosis> outputDiagnosis = new HashMap<>();
        private final Map<String, MistakeDiagnosis> gradDiagnosis = new HashMap<>();
        private final Map<String, MistakeDiagnosis> parameterDiagnosis = new HashMap<>();
        private Part part;

        public Case(String name) {
            this.name = name;
        }

        /** A differentiable input: backward returns its gradient. */
        public Case input(String inputName, Tensor value) {
            differentiable.add(inputs.size());
            return constant(inputName, value);
        }

        /** An input forward takes but backward gives no gradient for (a target, a mask). */
        public Case constant(String inputName, Tensor value) {
            inputNames.add(inputName);
            inputs.add(value);
            return this;
        }

        /** An output and the gradient backward gets for it. */
        public Case output(String outputName, Tensor gradOutput) {
            outputNames.add(outputName);
            gradOutputs.add(gradOutput);
            return this;
        }

        public Case diagnoseOutput(String outputName, MistakeDiagnosis d) {
            outputDiagnosis.put(outputName, d);
            return this;
        }

        /** Diagnosis for the gradient of an input. */
        public Case diagnoseGrad(String inputName, MistakeDiagnosis d) {
            gradDiagnosis.put(inputName, d);
            return this;
        }

        /** Diagnosis for the gradient of a parameter, by its reference name (e.g. "weight_ih"). */
        public Case diagnoseParameter(String parameterName, MistakeDiagnosis d) {
            parameterDiagnosis.put(parameterName, d);
            return this;
        }

        /** Counts every check of this case for {@code p} instead of its usual part (e.g. EDGE_CASES). */
        public Case part(Part p) {
            this.part = p;
            return this;
        }

        public String name() {
            return name;
        }

        /** The value of a named input (for computing diagnosis variants). */
        public Tensor input(String inputName) {
            return inputs.get(index(inputNames, inputName));
        }

        /** The gradient given for a named output. */
        public Tensor gradOutput(String outputName) {
            return gradOutputs.get(index(outputNames, outputName));
        }

        private int index(List<String> names, String n) {
            int i = names.indexOf(n);
            if (i < 0) {
                throw new IllegalArgumentException("grader bug: case " + name + " has no " + n + " (" + names + ")");
            }
            return i;
        }

        Tensor[] inputsCopy() {
            return inputs.stream().map(Tensor::copy).toArray(Tensor[]::new);
        }

        Tensor[] gradOutputsCopy() {
            return gradOutputs.stream().map(Tensor::copy).toArray(Tensor[]::new);
        }

        List<String> gradNames() {
            return differentiable.stream().map(i -> "grad " + inputNames.get(i)).toList();
        }

        Part partOr(Part usual) {
            return part == null ? usual : part;
        }

        String diagnose(Map<String, MistakeDiagnosis> map, String key, Tensor expected, Tensor actual) {
            MistakeDiagnosis d = map.get(key);
            return (d == null ? new MistakeDiagnosis() : d).diagnose(expected, actual);
        }
    }

    /**
     * Throws {@link org.gradlab.check.KinkException} when the reference is not differentiable at
     * this case's inputs (the caller draws another case).
     */
    public static void requireSmooth(Module reference, Case c) {
        for (int j : c.differentiable) {
            Tensor x = c.inputs.get(j);
            if (x.numel() <= NUMERIC_LIMIT) {
                NumericGradient.vjpDetectingKinks(probe -> flat(reference.forward(replaced(c, j, probe))), x,
                        flat(c.gradOutputsCopy()), NumericGradient.DEFAULT_STEP, KINK_TOLERANCE);
            }
        }
    }

    /**
     * Copies the reference parameters into the student's, then checks forward (FORWARD), each
     * differentiable input's gradient (INPUT_GRADIENT), the parameter gradients
     * (PARAMETER_GRADIENTS) and, when {@code invariants} is set, that inputs and output gradients
     * are not mutated, a second pass gives the same gradients and parameter gradients accumulate
     * (STATEFUL_INVARIANTS). A case's {@link Case#part} overrides these parts.
     */
    public static void judge(Grading g, String moduleName, Module student, Module reference, Case c,
            boolean invariants) {
        String prefix = moduleName + "/" + c.name + ": ";
        List<Parameter> refParams = reference.parameters();
        Tensor[] refOut = reference.forward(c.inputsCopy());
        Tensor[] refGrads = reference.backward(c.gradOutputsCopy());
        if (refOut.length != c.outputNames.size() || refGrads.length != c.differentiable.size()) {
            throw new IllegalStateException("grader bug: " + moduleName + " reference gives " + refOut.length
                    + " outputs and " + refGrads.length + " gradients for case " + c.name);
        }

        g.check(c.partOr(Part.FORWARD), prefix + "forward", () -> {
            LayerOracle.syncParameters(moduleName, refParams, student.parameters());
            Tensor[] out = student.forward(c.inputsCopy());
            return compareAll(c.outputNames, refOut, out, (k, actual) -> c.diagnose(c.outputDiagnosis,
                    c.outputNames.get(k), refOut[k], actual));
        });

        for (int i = 0; i < c.differentiable.size(); i++) {
            int gi = i;
            int input = c.differentiable.get(i);
            String inputName = c.inputNames.get(input);
            g.check(c.partOr(Part.INPUT_GRADIENT), prefix + "backward (grad " + inputName + ")", () -> {
                Tensor[] d = pass(moduleName, student, refParams, c);
                Comparison cmp = TensorComparison.compare("grad " + inputName, refGrads[gi], d[gi], RTOL, ATOL);
                if (cmp.passed()) {
                    return Verdict.of(cmp);
                }
                return new Verdict(false, cmp.message() + consistency(student, c, input, gi, d[gi], refOut),
                        c.diagnose(c.gradDiagnosis, inputName, refGrads[gi], d[gi]));
            });
        }

        if (!refParams.isEmpty()) {
            g.check(c.partOr(Part.PARAMETER_GRADIENTS), prefix + "backward (parameter gradients)", () -> {
                pass(moduleName, student, refParams, c);
                List<Parameter> ps = student.parameters();
                for (int i = 0; i < refParams.size(); i++) {
                    Parameter r = refParams.get(i);
                    Comparison cmp = TensorComparison.compare("grad " + r.name(), r.grad(), ps.get(i).grad(), RTOL,
                            ATOL);
                    if (!cmp.passed()) {
                        return Verdict.fail(cmp.message(), c.diagnose(c.parameterDiagnosis, r.name(), r.grad(),
                                ps.get(i).grad()));
                    }
                }
                return Verdict.pass("all parameter gradients match");
            });
        }

        if (invariants) {
            g.check(c.partOr(Part.STATEFUL_INVARIANTS), prefix + "inputs not mutated, gradients accumulate",
                    () -> invariants(moduleName, student, refParams, c));
        }
    }

    /** Syncs parameters, zeroes their gradients, runs forward and backward; returns the input gradients. */
    private static Tensor[] pass(String moduleName, Module student, List<Parameter> refParams, Case c) {
        List<Parameter> ps = student.parameters();
        LayerOracle.syncParameters(moduleName, refParams, ps);
        ps.forEach(Parameter::zeroGrad);
        student.forward(c.inputsCopy());
        return student.backward(c.gradOutputsCopy());
    }

    private static Verdict invariants(String moduleName, Module student, List<Parameter> refParams, Case c) {
        List<Parameter> ps = student.parameters();
        LayerOracle.syncParameters(moduleName, refParams, ps);
        ps.forEach(Parameter::zeroGrad);
        Tensor[] xs = c.inputsCopy();
        Tensor[] gs = c.gradOutputsCopy();
        student.forward(xs);
        Tensor[] first = student.backward(gs);
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].allClose(c.inputs.get(i), 0, 0)) {
                return Verdict.fail("forward or backward changed its input " + c.inputNames.get(i)
                        + " in place; return new tensors");
            }
        }
        for (int i = 0; i < gs.length; i++) {
            if (!gs[i].allClose(c.gradOutputs.get(i), 0, 0)) {
                return Verdict.fail("backward changed the gradient of " + c.outputNames.get(i)
                        + " in place; return new tensors");
            }
        }
        List<Tensor> once = ps.stream().map(p -> p.grad().copy()).toList();
        student.forward(c.inputsCopy());
        Tensor[] second = student.backward(c.gradOutputsCopy());
        Verdict same = compareAll(c.gradNames().stream().map(n -> n + " of a second forward/backward").toList(),
                first, second, (k, actual) -> null);
        if (!same.passed()) {
            return Verdict.fail(same.message() + " (state from the first pass leaked into the second)");
        }
        for (int i = 0; i < ps.size(); i++) {
            Comparison acc = TensorComparison.compare("grad " + ps.get(i).name() + " after two backward calls",
                    once.get(i).mul(2), ps.get(i).grad(), RTOL, ATOL);
            if (!acc.passed()) {
                boolean overwritten = once.get(i).allClose(ps.get(i).grad(), RTOL, ATOL);
                return Verdict.fail(acc.message(), overwritten
                        ? "parameter gradients are overwritten, not accumulated (+=) across backward calls" : null);
            }
        }
        return Verdict.pass("inputs untouched; gradients accumulate");
    }

    private interface Diagnoser {
        String diagnose(int index, Tensor actual);
    }

    /** Compares tensors pairwise; the first mismatch fails with its message and diagnosis. */
    private static Verdict compareAll(List<String> names, Tensor[] expected, Tensor[] actual, Diagnoser d) {
        StringBuilder ok = new StringBuilder();
        for (int k = 0; k < expected.length; k++) {
            Comparison cmp = TensorComparison.compare(names.get(k), expected[k], actual[k], RTOL, ATOL);
            if (!cmp.passed()) {
                return Verdict.fail(cmp.message(), d.diagnose(k, actual[k]));
            }
            ok.append(k == 0 ? "" : "; ").append(cmp.message());
        }
        return Verdict.pass(ok.toString());
    }

    /** The second oracle: is the student's wrong gradient at least the derivative of their own forward? */
    private static String consistency(Module student, Case c, int input, int gradIndex, Tensor studentGrad,
            Tensor[] refOut) {
        Tensor x = c.inputs.get(input);
        if (x.numel() > NUMERIC_LIMIT || studentGrad == null) {
            return "";
        }
        try {
            Tensor numeric = NumericGradient.vjp(probe -> flat(student.forward(replaced(c, input, probe))), x,
                    flat(c.gradOutputsCopy()), NumericGradient.DEFAULT_STEP);
            boolean forwardRight = compareAll(c.outputNames, refOut, student.forward(c.inputsCopy()),
                    (k, a) -> null).passed();
            boolean consistent = numeric.sameShape(studentGrad) && numeric.allClose(studentGrad, 1e-4, 1e-6);
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

    /** The case's inputs with input {@code j} replaced by {@code probe}. */
    private static Tensor[] replaced(Case c, int j, Tensor probe) {
        Tensor[] in = c.inputsCopy();
        in[j] = probe.copy();
        return in;
    }

    /** All tensors flattened into one vector, so several outputs form one vjp. */
    private static Tensor flat(Tensor[] ts) {
        List<Tensor> parts = new ArrayList<>();
        for (Tensor t : ts) {
            parts.add(t.reshape(-1));
        }
        return Tensor.cat(parts, 0);
    }
}
