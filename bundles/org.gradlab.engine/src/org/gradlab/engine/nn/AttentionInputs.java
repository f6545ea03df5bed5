package org.gradlab.engine.nn;

import org.gradlab.core.DType;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * The query, key and value of an attention forward pass as its backward needs them: their values,
 * and their shapes and types, in which their gradients are returned.
 */
record AttentionInputs(double[] q, double[] k, double[] v, int[] qShape, int[] kShape, int[] vShape, DType qType,
        DType kType, DType vType) {

    static AttentionInputs read(Tensor query, Tensor key, Tensor value) {
        return new AttentionInputs(TensorData.read(query), TensorData.read(key), TensorData.read(value),
                query.shape(), key.shape(), value.shape(), query.dtype(), key.dtype(), value.dtype());
    }

    /** The type of the output: all three promoted. */
    DType outType() {
        return DType.promote(qType, DType.promote(kType, vType));
    }

    /** Gradients for query, key and value, each in the shape and type of its input. */
    ScaledDotProductAttention.Grads grads(double[] dq, double[] dk, double[] dv) {
        return new ScaledDotProductAttention.Grads(TensorData.wrap(qType, qShape, dq),
                TensorData.wrap(kType, kShape, dk), TensorData.wrap(vType, vShape, dv));
    }
}
