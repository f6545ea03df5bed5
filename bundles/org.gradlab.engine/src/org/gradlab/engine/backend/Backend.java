package org.gradlab.engine.backend;

import org.gradlab.core.Tensor;

/**
 * The compute-heavy kernels of the reference engine, behind one seam so a device backend
 * (CUDA) can replace the CPU ones. Layers ask {@link Backends#of(Tensor)} for the backend that
 * serves their input's type; everything light (elementwise maps, reductions) stays in the layers.
 */
public interface Backend {
    /** Human-readable name, e.g. "cpu-float64". */
    String name();

    /** op(a) · op(b) for 2-d tensors, where op transposes when the flag is set. */
    Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB);
}
