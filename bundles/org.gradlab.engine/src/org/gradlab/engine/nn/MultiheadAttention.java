package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * Multi-head attention as {@code torch.nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)}
 * (bias on, no dropout, kdim = vdim = embed_dim): query (N, L, E), key and value (N, S, E) are
 * projected by the three blocks of in_proj_weight (3E, E) / in_proj_bias (3E), split into heads of
 * E / num_heads, attended by {@link ScaledDotProductAttention}, merged and projected by out_proj.
 * Three inputs, so {@link #backward} returns dq, dk and dv; {@link #selfAttention} is the
 * one-input {@link Layer} view whose input gradient is their sum.
 */
public final class MultiheadAttention {
    private static final String NAME = "MultiheadAttention";

    private final int embedDim;
    private final int numHeads;
    private final int headDim;
    private final Parameter inProjWeight;
    private final Parameter inProjBias;
    private final Parameter outProjWeight;
    private final Parameter outProjBias;
    private final ScaledDotProductAttention attention = new ScaledDotProductAttention();
    // cache of the last forward
    private AttentionInputs inputs;
    private double[] merged; // attention output with heads merged, (N·L, E)
    private double[] win;
    private double[] wout;
    private int n;
    private int lq;
    private int ls;

    /**
     * PyTorch's init: in_proj_weight Xavier-uniform, out_proj.weight U(−1/√E, 1/√E) (a Linear's
     * default), both biases zero.
     */
    public MultiheadAttention(DType dtype, int embedDim, int numHeads, Rng rng) {
        if (embedDim < 1 || numHeads < 1) {
            throw new IllegalArgumentException(NAME + ": embed_dim and num_heads must be positive, got "
                    + embedDim + " and " + numHeads);
        }
        if (embedDim % numHeads != 0) {
            throw new IllegalArgumentException(NAME + ": embed_dim " + embedDim + " must be divisible by num_heads "
                    + numHeads);
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.headDim = embedDim / numHeads;
        inProjWeight = new Parameter("in_proj_weight",
                Init.xavierUniform(Tensor.zeros(dtype, 3 * embedDim, embedDim), rng));
        inProjBias = new Parameter("in_proj_bias", Tensor.zeros(dtype, 3 * embedDim));
        double bound = 1.0 / Math.sqrt(embedDim);
        outProjWeight = new Parameter("out_proj.weight", Tensor.uniform(dtype, rng, -bound, bound, embedDim, embedDim));
        outProjBias = new Parameter("out_proj.bias", Tensor.zeros(dtype, embedDim));
    }

    /** FLOAT64. */
    public MultiheadAttention(int embedDim, int numHeads, Rng rng) {
        this(DType.FLOAT64, embedDim, numHeads, rng);
    }

    public int embedDim() {
        return embedDim;
    }

    public int numHeads() {
        return numHeads;
    }

    /** (3E, E): the query, key and value projections stacked in that order. */
    public Parameter inProjWeight() {
        return inProjWeight;
    }

    public Parameter inProjBias() {
        return inProjBias;
    }

    public Parameter outProjWeight() {
        return outProjWeight;
    }

    public Parameter outProjBias() {
        return outProjBias;
    }

    public List<Parameter> parameters() {
        return List.of(inProjWeight, inProjBias, outProjWeight, outProjBias);
    }

    /** Attention of query (N, L, E) over key and value (N, S, E) → (N, L, E); causal: i attends to j ≤ i. */
    public Tensor forward(Tensor query, Tensor key, Tensor value, boolean causal) {
        checkShapes(query.shape(), key.shape(), value.shape());
        n = query.size(0);
        lq = query.size(1);
        ls = key.size(1);
        int e = embedDim;
        inputs = AttentionInputs.read(query, key, value);
        win = TensorData.read(inProjWeight.value());
        double[] bin = TensorData.read(inProjBias.value());
        wout = TensorData.read(outProjWeight.value());
        DType type = inputs.outType();
        double[] pq = new double[n * lq * e];
        double[] pk = new double[n * ls * e];
        double[] pv = new double[n * ls * e];
        AffineKernels.forward(inputs.q(), n * lq, e, win, 0, bin, 0, e, pq);
        AffineKernels.forward(inputs.k(), n * ls, e, win, e * e, bin, e, e, pk);
        AffineKernels.forward(inputs.v(), n * ls, e, win, 2 * e * e, bin, 2 * e, e, pv);
        Tensor heads = attention.forward(splitHeads(type, pq, lq), splitHeads(type, pk, ls),
                splitHeads(type, pv, ls), causal);
        merged = TensorData.read(mergeHeads(heads));
        double[] out = new double[n * lq * e];
        AffineKernels.forward(merged, n * lq, e, wout, 0, TensorData.read(outProjBias.value()), 0, e, out);
        return TensorData.wrap(type, new int[] {n, lq, e}, out);
    }

    /** dL/dquery, dL/dkey, dL/dvalue for dL/doutput (N, L, E); adds the parameter gradients. */
    public ScaledDotProductAttention.Grads backward(Tensor gradOutput) {
        LayerChecks.forwardDone(NAME, merged);
        int e = embedDim;
        LayerChecks.gradShape(NAME, gradOutput, new int[] {n, lq, e});
        double[] g = TensorData.read(gradOutput);
        double[] dMerged = new double[n * lq * e];
        double[] dWout = new double[e * e];
        double[] dbout = new double[e];
        AffineKernels.backward(g, n * lq, e, merged, e, wout, 0, dMerged, dWout, 0, dbout, 0);
        ScaledDotProductAttention.Grads gh = attention.backward(splitHeads(inputs.outType(), dMerged, lq));
        double[] dpq = TensorData.read(mergeHeads(gh.query()));
        double[] dpk = TensorData.read(mergeHeads(gh.key()));
        double[] dpv = TensorData.read(mergeHeads(gh.value()));
        double[] dWin = new double[3 * e * e];
        double[] dbin = new double[3 * e];
        double[] dq = new double[n * lq * e];
        double[] dk = new double[n * ls * e];
        double[] dv = new double[n * ls * e];
        AffineKernels.backward(dpq, n * lq, e, inputs.q(), e, win, 0, dq, dWin, 0, dbin, 0);
        AffineKernels.backward(dpk, n * ls, e, inputs.k(), e, win, e * e, dk, dWin, e * e, dbin, e);
        AffineKernels.backward(dpv, n * ls, e, inputs.v(), e, win, 2 * e * e, dv, dWin, 2 * e * e, dbin, 2 * e);
        ParameterGrads.accumulate(inProjWeight, dWin);
        ParameterGrads.accumulate(inProjBias, dbin);
        ParameterGrads.accumulate(outProjWeight, dWout);
        ParameterGrads.accumulate(outProjBias, dbout);
        return inputs.grads(dq, dk, dv);
    }

    /**
     * Self-attention as a one-input {@link Layer} sharing this module's parameters: forward(x) is
     * forward(x, x, x, causal), and since x enters three times its gradient is dq + dk + dv.
     */
    public Layer selfAttention(boolean causal) {
        return new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                return MultiheadAttention.this.forward(input, input, input, causal);
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                ScaledDotProductAttention.Grads gr = MultiheadAttention.this.backward(gradOutput);
                return gr.query().add(gr.key()).add(gr.value());
            }

            @Override
            public List<Parameter> parameters() {
                return MultiheadAttention.this.parameters();
            }

            @Override
            public String toString() {
                return "SelfAttention(" + MultiheadAttention.this + ", causal=" + causal + ")";
            }
        };
    }

    /** (N·len, E) rows → (N, heads, len, headDim): each head sees its own slice of E. */
    private Tensor splitHeads(DType type, double[] rows, int len) {
        return TensorData.wrap(type, new int[] {n, len, numHeads, headDim}, rows).permute(0, 2, 1, 3);
    }

    /** (N, heads, len, headDim) → (N, len, E) with the heads concatenated. */
    private Tensor mergeHeads(Tensor heads) {
        int len = heads.size(2);
        return heads.permute(0, 2, 1, 3).reshape(n, len, embedDim);
    }

    private void checkShapes(int[] qs, int[] ks, int[] vs) {
        if (qs.length != 3 || qs[2] != embedDim) {
            throw ShapeMismatchException.of(NAME, "query expected shape (N, L, " + embedDim + ") (batch first, embed_dim "
                    + embedDim + ")", qs);
        }
        if (ks.length != 3 || vs.length != 3 || ks[2] != embedDim || vs[2] != embedDim || ks[0] != qs[0]
                || vs[0] != qs[0] || ks[1] != vs[1]) {
            throw ShapeMismatchException.of(NAME, "key and value expected shape (N, S, " + embedDim
                    + ") with the batch N of query (N, L, " + embedDim + ")", qs, ks, vs);
        }
    }

    @Override
    public String toString() {
        return NAME + "(embed_dim=" + embedDim + ", num_heads=" + numHeads + ")";
    }
}
