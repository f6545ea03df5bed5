package org.gradlab.check.vectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Tensor;

/**
 * One case of a test-vector file. Fields are decoded on access so that one malformed case
 * reports its own error (naming the file, the case and the field) and the others still run.
 */
public final class VectorCase {
    private final String where;
    private final Map<String, Object> json;

    VectorCase(String where, Map<String, Object> json) {
        this.where = where;
        this.json = json;
    }

    /** "file#index (name)" for messages. */
    public String location() {
        return where;
    }

    /** The raw JSON object, e.g. to copy into an emitted report. */
    public Map<String, Object> json() {
        return json;
    }

    public String name() {
        return json.get("name") instanceof String s ? s : "(unnamed)";
    }

    public String op() {
        if (json.get("op") instanceof String s) {
            return s;
        }
        throw new VectorFormatException(where + ": case has no \"op\" string");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> attrs() {
        Object a = json.get("attrs");
        if (a == null) {
            return Map.of();
        }
        if (a instanceof Map<?, ?>) {
            return (Map<String, Object>) a;
        }
        throw new VectorFormatException(where + ": \"attrs\" must be an object, got " + TensorJson.describe(a));
    }

    public Map<String, Tensor> inputs() {
        return tensorMap(json.get("inputs"), "inputs");
    }

    /** The gradient fed to backward, or null for cases without one (optimizers, schedules). */
    public Tensor gradOutput() {
        Object g = json.get("grad_output");
        return g == null ? null : TensorJson.read(g, where + ": grad_output");
    }

    /** Optimizer cases: the gradient given at each step. */
    public List<Tensor> grads() {
        return tensorList(json.get("grads"), "grads");
    }

    private Map<String, Object> expected() {
        if (json.get("expected") instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            return typed;
        }
        throw new VectorFormatException(where + ": case has no \"expected\" object");
    }

    public Tensor expectedOutput() {
        Object o = expected().get("output");
        return o == null ? null : TensorJson.read(o, where + ": expected.output");
    }

    public Map<String, Tensor> expectedGrads() {
        return tensorMap(expected().get("grad"), "expected.grad");
    }

    public Map<String, Tensor> expectedState() {
        return tensorMap(expected().get("state"), "expected.state");
    }

    public List<Tensor> expectedParams() {
        return tensorList(expected().get("params"), "expected.params");
    }

    /** Schedule cases: the learning rate at each epoch, or null. */
    public double[] expectedLrs() {
        Object o = expected().get("lrs");
        if (o == null) {
            return null;
        }
        if (!(o instanceof List<?> list)) {
            throw new VectorFormatException(where + ": expected.lrs must be a list of numbers");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new VectorFormatException(where + ": expected.lrs[" + i + "] is not a number");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private Map<String, Tensor> tensorMap(Object o, String field) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof Map<?, ?> map)) {
            throw new VectorFormatException(where + ": \"" + field + "\" must be an object of tensors");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put((String) e.getKey(), TensorJson.read(e.getValue(), where + ": " + field + "." + e.getKey()));
        }
        return out;
    }

    private List<Tensor> tensorList(Object o, String field) {
        List<Tensor> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof List<?> list)) {
            throw new VectorFormatException(where + ": \"" + field + "\" must be a list of tensors");
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(TensorJson.read(list.get(i), where + ": " + field + "[" + i + "]"));
        }
        return out;
    }
}
