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

    /**
     * Cross-correlation of input (N, C, H, W) with weight (O, C/groups, kH, kW), without bias:
     * output (N, O, OH, OW) with the sizes of {@link ConvGeometry#outputShape}.
     */
    Tensor conv2d(Tensor input, Tensor weight, ConvGeometry g);

    /**
     * dL/dinput of {@link #conv2d} for an input of {@code inputShape}: the adjoint of conv2d in its
     * input, which is also the forward pass of the transposed convolution. {@code gradOut}
     * (N, O, OH', OW') may cover fewer rows/columns than the input admits (OH' ≤ OH): that is how a
     * transposed convolution with output padding ≥ stride calls it.
     */
    Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, int[] inputShape, ConvGeometry g);

    /** dL/dweight of {@link #conv2d} for a weight of {@code weightShape}; {@code gradOut} as in {@link #conv2dInputGrad}. */
    Tensor conv2dWeightGrad(Tensor gradOut, Tensor input, int[] weightShape, ConvGeometry g);
}
