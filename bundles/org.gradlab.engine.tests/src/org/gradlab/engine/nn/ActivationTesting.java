package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;

import org.gradlab.check.GradientCheck;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/** Shared helpers of the activation/linear/dropout tests. */
final class ActivationTesting {
    private ActivationTesting() {
    }

    /** Standard normals pushed at least 0.1 away from 0, so kinks at 0 stay outside the difference step. */
    static Tensor awayFromZero(Rng rng, int... shape) {
        Tensor x = Tensor.randn(rng, shape);
        return x.add(x.sign().mul(0.1)).add(x.eq(0.0).mul(0.1));
    }

    /** Full-Jacobian check of dL/dinput and every parameter gradient against central differences. */
    static void assertGradients(Layer layer, Tensor input, Rng rng) {
        Tensor out = layer.forward(input.copy());
        Tensor gradOutput = Tensor.randn(rng, out.shape());
        GradientCheck.assertAllPassed(GradientCheck.layer(layer, input, gradOutput));
    }

    /**
     * Two fresh layers (built by {@code make}, so with the same weights for the same seed) in float64
     * and float32 give the same output and input gradient within float32 accuracy; the float32 one
     * stores float32.
     */
    static void assertFloat32Agrees(Supplier<Layer> make64, Supplier<Layer> make32, Tensor input, Rng rng) {
        assertFloat32ForwardBackward(make64.get(), make32.get(), input, rng, 1e-6);
    }

    /**
     * One forward and backward of a float64 layer and its float32 twin: output and input gradient
     * agree within rtol 1e-4 and the given atol, and the float32 ones are stored as float32.
     */
    static void assertFloat32ForwardBackward(Layer l64, Layer l32, Tensor input, Rng rng, double atol) {
        Tensor y64 = l64.forward(input);
        Tensor y32 = l32.forward(input.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, y32.dtype());
        TensorComparison.compare("float32 output", y64, y32, 1e-4, atol).orThrow();
        Tensor g = Tensor.randn(rng, y64.shape());
        Tensor gx64 = l64.backward(g);
        Tensor gx32 = l32.backward(g.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, gx32.dtype());
        TensorComparison.compare("float32 grad input", gx64, gx32, 1e-4, atol).orThrow();
    }
}
