package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gradlab.check.GradientCheck;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * Gradient checks for modules with several inputs (cells, sequence modules, attention): the
 * analytic gradients of every input AND every parameter against central differences of one
 * scalar sum(forward(inputs) ⊙ gradOutput).
 */
final class MultiInputTesting {
    private MultiInputTesting() {
    }

    /**
     * {@code forward} maps the inputs to one output tensor; {@code backward} maps a grad_output to the
     * input gradients (in input order) and accumulates parameter gradients.
     */
    static void assertGradients(List<String> names, List<Tensor> inputs, List<Parameter> params,
            Function<List<Tensor>, Tensor> forward, Function<Tensor, List<Tensor>> backward, Rng rng) {
        for (Parameter p : params) {
            p.zeroGrad();
        }
        Tensor out = forward.apply(copies(inputs));
        Tensor gradOutput = Tensor.randn(rng, out.shape());
        List<Tensor> analytic = new ArrayList<>(backward.apply(gradOutput));
        List<String> allNames = new ArrayList<>(names);
        List<Tensor> all = new ArrayList<>(copies(inputs));
        List<Tensor> originals = new ArrayList<>();
        for (Parameter p : params) {
            allNames.add(p.name());
            all.add(p.value().copy());
            originals.add(p.value().copy());
            analytic.add(p.grad().copy());
        }
        int k = inputs.size();
        Function<List<Tensor>, Tensor> f = args -> {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).value().copyFrom(args.get(k + i));
            }
            return forward.apply(args.subList(0, k));
        };
        try {
            GradientCheck.assertAllPassed(GradientCheck.function(f, allNames, all, gradOutput, analytic));
        } finally {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).value().copyFrom(originals.get(i));
            }
        }
    }

    static List<Tensor> copies(List<Tensor> ts) {
        return ts.stream().map(Tensor::copy).toList();
    }

    /** Copies every float32 parameter value into the float64 twin, so both modules compute the same function. */
    static void shareWeights(List<Parameter> from32, List<Parameter> to64) {
        assertEquals(from32.size(), to64.size());
        for (int i = 0; i < from32.size(); i++) {
            assertEquals(DType.FLOAT32, from32.get(i).value().dtype());
            to64.get(i).value().copyFrom(from32.get(i).value());
        }
    }

    /** float32 result within float32 accuracy of the float64 one, and stored as float32. */
    static void assertFloat32Close(String what, Tensor expected64, Tensor actual32) {
        assertEquals(DType.FLOAT32, actual32.dtype(), what + " dtype");
        TensorComparison.compare(what, expected64, actual32, 1e-4, 1e-6).orThrow();
    }

    /** Parameter gradients of the float32 module agree with the float64 twin's. */
    static void assertParamGradsClose(List<Parameter> p64, List<Parameter> p32) {
        for (int i = 0; i < p64.size(); i++) {
            assertFloat32Close("grad " + p32.get(i).name(), p64.get(i).grad(), p32.get(i).grad());
        }
    }
}
