package org.gradlab.engine.nn;

import org.gradlab.core.AxisView;

import java.util.Arrays;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Shapes;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.Kernels;
import org.gradlab.core.spi.TensorData;

/**
 * softmax(q·kᵀ / √E) · v for query (…, L, E), key (…, S, E) and value (…, S, Ev) with the same
 * leading batch dimensions, as {@code F.scaled_dot_product_attention} (no dropout, default scale).
 * With {@code causal}, query position i attends only to key positions j ≤ i (PyTorch's is_causal:
 * a lower-triangular (L, S) mask). Three inputs, so {@link #backward} returns dq, dk and dv together.
 */
public final class ScaledDotProductAttention {
    private static final String NAME = "ScaledDotProductAttention";

    private AttentionInputs inputs;
    private double[] probs;
    private int batches;
    private int lq;
    private int ls;
    private int e;
    private int ev;

    /** dL/dquery, dL/dkey and dL/dvalue of one backward pass. */
    public record Grads(Tensor query, Tensor key, Tensor value) {
    }

    /** Attention without a mask. */
    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, false);
    }

    public Tensor forward(Tensor query, Tensor key, Tensor value, boolean causal) {
        checkShapes(query.shape(), key.shape(), value.shape());
        int rank = query.dim();
        inputs = AttentionInputs.read(query, key, value);
        int[] qShape = inputs.qShape();
        lq = qShape[rank - 2];
        e = qShape[rank - 1];
        ls = inputs.kShape()[rank - 2];
        ev = inputs.vShape()[rank - 1];
        batches = Shapes.numel(Arrays.copyOf(qShape, rank - 2));
        double[] q = inputs.q();
        double[] k = inputs.k();
        double[] v = inputs.v();
        double scale = 1.0 / Math.sqrt(e);
        double[] scores = new double[batches * lq * ls];
        for (int b = 0; b < batches; b++) {
            int so = b * lq * ls;
            Kernels.gemm(false, true, lq, ls, e, q, b * lq * e, k, b * ls * e, scores, so);
            for (int i = 0; i < lq; i++) {
                for (int j = 0; j < ls; j++) {
                    int p = so + i * ls + j;
                    // A masked score of −∞ gets probability exactly 0; position 0 is never masked.
                    scores[p] = causal && j > i ? Double.NEGATIVE_INFINITY : scores[p] * scale;
                }
            }
        }
        probs = new double[scores.length];
        Functional.softmax(scores, new AxisView(batches * lq, ls, 1), false, probs);
        double[] out = new double[batches * lq * ev];
        for (int b = 0; b < batches; b++) {
            Kernels.gemm(false, false, lq, ev, ls, probs, b * lq * ls, v, b * ls * ev, out, b * lq * ev);
        }
        int[] outShape = qShape.clone();
        outShape[rank - 1] = ev;
        return TensorData.wrap(inputs.outType(), outShape, out);
    }

    /** The attention probabilities (…, L, S) of the last forward pass (0 where masked). */
    public Tensor attentionWeights() {
        if (probs == null) {
            throw new IllegalStateException(NAME + ": attentionWeights called before forward");
        }
        int[] s = inputs.qShape().clone();
        s[s.length - 1] = ls;
        return TensorData.wrap(inputs.outType(), s, probs.clone());
    }

    public Grads backward(Tensor gradOutput) {
        LayerChecks.forwardDone(NAME, probs);
        int[] outShape = inputs.qShape().clone();
        outShape[outShape.length - 1] = ev;
        LayerChecks.gradShape(NAME, gradOutput, outShape);
        double[] q = inputs.q();
        double[] k = inputs.k();
        double[] v = inputs.v();
        double[] g = TensorData.read(gradOutput);
        double scale = 1.0 / Math.sqrt(e);
        double[] dq = new double[q.length];
        double[] dk = new double[k.length];
        double[] dv = new double[v.length];
        double[] dp = new double[lq * ls];
        double[] ds = new double[lq * ls];
        AxisView rows = new AxisView(lq, ls, 1);
        for (int b = 0; b < batches; b++) {
            int po = b * lq * ls;
            int go = b * lq * ev;
            // out = P·v: dP = g·vᵀ, dv = Pᵀ·g.
            Arrays.fill(dp, 0.0);
            Kernels.gemm(false, true, lq, ls, ev, g, go, v, b * ls * ev, dp, 0);
            Kernels.gemm(true, false, ls, ev, lq, probs, po, g, go, dv, b * ls * ev);
            Functional.softmaxBackward(Arrays.copyOfRange(probs, po, po + lq * ls), dp, rows, false, ds);
            for (int i = 0; i < ds.length; i++) {
                ds[i] *= scale;
            }
            // scores = q·kᵀ: dq = dS·k, dk = dSᵀ·q.
            Kernels.gemm(false, false, lq, e, ls, ds, 0, k, b * ls * e, dq, b * lq * e);
            Kernels.gemm(true, false, ls, e, lq, ds, 0, q, b * lq * e, dk, b * ls * e);
        }
        return inputs.grads(dq, dk, dv);
    }

    private static void checkShapes(int[] qs, int[] ks, int[] vs) {
        int rank = qs.length;
        if (rank < 2 || ks.length != rank || vs.length != rank) {
            throw ShapeMismatchException.of(NAME, "query (…, L, E), key (…, S, E) and value (…, S, Ev) need the same "
                    + "number (≥ 2) of dimensions", qs, ks, vs);
        }
        for (int d = 0; d < rank - 2; d++) {
            if (qs[d] != ks[d] || qs[d] != vs[d]) {
                throw ShapeMismatchException.of(NAME, "query, key and value differ in batch dimension " + d, qs, ks, vs);
            }
        }
        if (qs[rank - 1] != ks[rank - 1]) {
            throw ShapeMismatchException.of(NAME, "query and key differ in embedding size E (last dimension)", qs, ks);
        }
        if (ks[rank - 2] != vs[rank - 2]) {
            throw ShapeMismatchException.of(NAME, "key and value differ in sequence length S (dimension -2)", ks, vs);
        }
    }
}
