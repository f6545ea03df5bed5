package org.gradlab.check.selfcheck;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * The self-check's view of exercise 12's TransformerEncoderBlock as a layer of x (causal), so
 * {@link GradientProbes} can compare its dx with central differences of its own forward (the
 * block has no golden vector: its forward is judged by the grader).
 */
final class EncoderBlockProbe {
    static final String CLASS = "attention.TransformerEncoderBlock";

    private EncoderBlockProbe() {
    }

    static Layer build(Student s, Rng r) {
        Object block = s.construct(CLASS, 4, 2, 8, r);
        return new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return s.callTensor(block, "forward", x, true);
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                return s.callTensor(block, "backward", gradOutput);
            }
        };
    }
}
