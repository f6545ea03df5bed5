package org.gradlab.engine.ops;

import java.util.Arrays;
import java.util.Map;

import org.gradlab.core.Tensor;

/** The named input tensors of one op call, with errors that name the op and the missing input. */
public final class Inputs {
    private final String op;
    private final Map<String, Tensor> tensors;

    public Inputs(String op, Map<String, Tensor> tensors) {
        this.op = op;
        this.tensors = tensors;
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException(op + ": missing input '" + name + "' (inputs given: "
                    + tensors.keySet() + ")");
        }
        return t;
    }

    /** An optional input (e.g. a bias), or null. */
    public Tensor optional(String name) {
        return tensors.get(name);
    }

    /** Checks the rank of an input, naming op, input and shape when it is wrong. */
    public Tensor get(String name, int rank) {
        Tensor t = get(name);
        if (t.dim() != rank) {
            throw new IllegalArgumentException(op + ": input '" + name + "' expected " + rank + " dimensions, got shape "
                    + Arrays.toString(t.shape()));
        }
        return t;
    }
}
