package org.gradlab.engine.nn;

import org.gradlab.core.Parameter;
import org.gradlab.core.spi.TensorData;

/** Adds a gradient that a kernel computed in double lanes to a parameter, stored in the parameter's own type. */
final class ParameterGrads {
    private ParameterGrads() {
    }

    /** {@code g} has the parameter's shape, flattened. */
    static void accumulate(Parameter p, double[] g) {
        p.accumulateGrad(TensorData.wrap(p.value().dtype(), p.value().shape(), g));
    }
}
