package org.gradlab.engine.ops;

import java.util.Map;

import org.gradlab.core.Tensor;

/** Calls a registered tensor op as a conformance vector case does. */
final class OpTesting {
    private OpTesting() {
    }

    static OpResult run(String op, Map<String, Object> attrs, Map<String, Tensor> inputs, Tensor gradOutput) {
        return OpRegistry.get().tensorOp(op).run(new Attrs(op, attrs), new Inputs(op, inputs), gradOutput);
    }
}
