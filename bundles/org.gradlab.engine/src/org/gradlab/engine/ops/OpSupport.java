package org.gradlab.engine.ops;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * What the op families share: loading the op's input tensors into the engine layer's parameters,
 * running the layer once, and collecting its gradients by op input name.
 */
final class OpSupport {
    private OpSupport() {
    }

    /** One forward and backward of a layer; grads for "input" and for each parameter by its name. */
    static OpResult run(Layer layer, Tensor input, Tensor gradOutput) {
        Tensor output = layer.forward(input);
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("input", layer.backward(gradOutput));
        for (Parameter p : layer.parameters()) {
            grads.put(p.name(), p.grad());
        }
        return new OpResult(output, grads);
    }

    /** Copies a given input into the layer's tensor; a missing optional input keeps PyTorch's default (1 or 0). */
    static void load(String op, String name, Tensor target, Tensor given) {
        if (given == null) {
            return;
        }
        if (!target.sameShape(given)) {
            throw ShapeMismatchException.of(op, "input '" + name + "' expected shape "
                    + Arrays.toString(target.shape()), given.shape());
        }
        target.copyFrom(given);
    }

    /**
     * The given "weight" and "bias" replace the random init of a layer (Linear, a convolution)
     * that was built with a bias exactly when the op has one.
     */
    static void loadWeightAndBias(String op, Parameter weight, Parameter bias, Inputs in) {
        load(op, "weight", weight.value(), in.get("weight"));
        if (bias != null) {
            load(op, "bias", bias.value(), in.get("bias"));
        }
    }

    /** The required op inputs {@code names} replace the values of {@code params}, position by position. */
    static void loadAll(String op, List<String> names, List<Parameter> params, Inputs in) {
        for (int i = 0; i < names.size(); i++) {
            load(op, names.get(i), params.get(i).value(), in.get(names.get(i)));
        }
    }

    /** Adds the gradient of each of {@code params} under the op input name at the same position. */
    static void putGrads(Map<String, Tensor> grads, List<String> names, List<Parameter> params) {
        for (int i = 0; i < names.size(); i++) {
            grads.put(names.get(i), params.get(i).grad());
        }
    }

    /** {@code grads} without the optional inputs the op was not given (they default, so have no gradient). */
    static Map<String, Tensor> givenOnly(Map<String, Tensor> grads, Inputs in, String... optional) {
        Map<String, Tensor> kept = new LinkedHashMap<>(grads);
        for (String name : optional) {
            if (in.optional(name) == null) {
                kept.remove(name);
            }
        }
        return kept;
    }
}
