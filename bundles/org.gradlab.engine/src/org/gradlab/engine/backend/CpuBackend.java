package org.gradlab.engine.backend;

import java.util.Arrays;

import org.gradlab.core.DType;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Shapes;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.Kernels;
import org.gradlab.core.spi.TensorData;

/**
 * CPU kernels. One instance per element type: both compute in double lanes with the same code
 * and differ only in the type their results are stored in.
 */
public class CpuBackend implements Backend {
    private final DType dtype;

    public CpuBackend(DType dtype) {
        this.dtype = dtype;
    }

    @Override
    public String name() {
        return "cpu-" + dtype.name().toLowerCase();
    }

    /** The type this backend stores results in. */
    public DType dtype() {
        return dtype;
    }

    @Override
    public Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw ShapeMismatchException.of("matmul", "expected two 2-d tensors", a.shape(), b.shape());
        }
        int m = transA ? a.size(1) : a.size(0);
        int k = transA ? a.size(0) : a.size(1);
        int kb = transB ? b.size(1) : b.size(0);
        int n = transB ? b.size(0) : b.size(1);
        if (k != kb) {
            throw ShapeMismatchException.of("matmul", "inner dimensions differ (" + k + " vs " + kb
                    + ", transA=" + transA + ", transB=" + transB + ")", a.shape(), b.shape());
        }
        double[] c = new double[m * n];
        Kernels.gemm(transA, transB, m, n, k, TensorData.read(a), 0, TensorData.read(b), 0, c, 0);
        return TensorData.wrap(dtype, new int[] {m, n}, c);
    }

    // Convolutions run as one matrix product per (sample, group) over the im2col matrix:
    // out_g (O/G × L) = W_g (O/G × K) · cols (K × L), with K = C/G·kH·kW and L = OH·OW.

    @Override
    public Tensor conv2d(Tensor input, Tensor weight, ConvGeometry g) {
        int[] outShape = g.outputShape("conv2d", input.shape(), weight.shape());
        ConvDims d = new ConvDims(input.shape(), weight.shape(), outShape, g);
        double[] w = TensorData.read(weight);
        double[] out = new double[Shapes.numel(outShape)];
        d.forEachBlock(TensorData.read(input), false, (n, grp, cols, colsOff) -> Kernels.gemm(false, false,
                d.og, d.l, d.k, w, grp * d.og * d.k, cols, colsOff, out, d.outOffset(n, grp)));
        return TensorData.wrap(dtype, outShape, out);
    }

    @Override
    public Tensor conv2dInputGrad(Tensor gradOut, Tensor weight, int[] inputShape, ConvGeometry g) {
        int[] full = g.outputShape("conv2d input gradient", inputShape, weight.shape());
        ConvDims d = new ConvDims(inputShape, weight.shape(), checkGradOut("conv2d input gradient", gradOut, full), g);
        double[] gy = TensorData.read(gradOut);
        double[] w = TensorData.read(weight);
        double[] dx = new double[Shapes.numel(inputShape)];
        // cols (K × L) = W_gᵀ · gradOut_g, folded back onto the input planes.
        d.forEachBlock(dx, true, (n, grp, cols, colsOff) -> Kernels.gemm(true, false,
                d.k, d.l, d.og, w, grp * d.og * d.k, gy, d.outOffset(n, grp), cols, colsOff));
        return TensorData.wrap(dtype, inputShape, dx);
    }

    @Override
    public Tensor conv2dWeightGrad(Tensor gradOut, Tensor input, int[] weightShape, ConvGeometry g) {
        int[] full = g.outputShape("conv2d weight gradient", input.shape(), weightShape);
        ConvDims d = new ConvDims(input.shape(), weightShape, checkGradOut("conv2d weight gradient", gradOut, full), g);
        double[] gy = TensorData.read(gradOut);
        double[] dw = new double[Shapes.numel(weightShape)];
        // dW_g (O/G × K) += gradOut_g (O/G × L) · colsᵀ
        d.forEachBlock(TensorData.read(input), false, (n, grp, cols, colsOff) -> Kernels.gemm(false, true,
                d.og, d.k, d.l, gy, d.outOffset(n, grp), cols, colsOff, dw, grp * d.og * d.k));
        return TensorData.wrap(dtype, weightShape, dw);
    }

    /** gradOut must be (N, O, OH', OW') with 1 ≤ OH' ≤ OH and 1 ≤ OW' ≤ OW of the full convolution output. */
    private static int[] checkGradOut(String op, Tensor gradOut, int[] full) {
        int[] s = gradOut.shape();
        if (s.length != 4 || s[0] != full[0] || s[1] != full[1] || s[2] < 1 || s[2] > full[2] || s[3] < 1
                || s[3] > full[3]) {
            throw ShapeMismatchException.of(op, "grad_output does not fit the convolution output "
                    + Arrays.toString(full), s, full);
        }
        return s;
    }

    /**
     * Sizes and flat offsets of one convolution; {@code outShape} is the grad_output's actual shape.
     * A pointwise (1×1, stride 1, unpadded) convolution needs no im2col: the input planes already
     * are the column matrix, which saves a copy in the 1×1 layers of bottleneck networks.
     */
    private static final class ConvDims {
        final int n, c, h, w, o, kh, kw, oh, ow, groups, cg, og, k, l;
        private final boolean pointwise;
        private final ConvGeometry geometry;

        ConvDims(int[] inputShape, int[] weightShape, int[] outShape, ConvGeometry g) {
            geometry = g;
            n = inputShape[0];
            c = inputShape[1];
            h = inputShape[2];
            w = inputShape[3];
            o = weightShape[0];
            kh = weightShape[2];
            kw = weightShape[3];
            oh = outShape[2];
            ow = outShape[3];
            groups = g.groups();
            cg = c / groups;
            og = o / groups;
            k = cg * kh * kw;
            l = oh * ow;
            pointwise = kh == 1 && kw == 1 && g.strideH() == 1 && g.strideW() == 1 && g.padH() == 0 && g.padW() == 0
                    && oh == h && ow == w;
        }

        int inputOffset(int sample, int group) {
            return (sample * c + group * cg) * h * w;
        }

        int outOffset(int sample, int group) {
            return (sample * o + group * og) * l;
        }

        /**
         * Calls {@code body} once per (sample, group) block with that block's column matrix (K × L)
         * of the input planes: read from {@code planes}, or, for a {@code gradient}, to be added
         * into and then folded (col2im) onto {@code planes}. When pointwise the planes themselves
         * are that matrix; otherwise it lives in one buffer reused by every block.
         */
        void forEachBlock(double[] planes, boolean gradient, ColumnsBody body) {
            double[] buffer = pointwise ? null : new double[k * l];
            for (int sample = 0; sample < n; sample++) {
                for (int grp = 0; grp < groups; grp++) {
                    int off = inputOffset(sample, grp);
                    if (pointwise) {
                        body.accept(sample, grp, planes, off);
                    } else if (gradient) {
                        Arrays.fill(buffer, 0.0);
                        body.accept(sample, grp, buffer, 0);
                        Im2col.col2im(buffer, cg, h, w, kh, kw, geometry, oh, ow, planes, off);
                    } else {
                        Im2col.im2col(planes, off, cg, h, w, kh, kw, geometry, oh, ow, buffer);
                        body.accept(sample, grp, buffer, 0);
                    }
                }
            }
        }
    }

    /** The work on one (sample, group) block, given its column matrix at cols[colsOff]. */
    @FunctionalInterface
    private interface ColumnsBody {
        void accept(int sample, int group, double[] cols, int colsOff);
    }

    @Override
    public String toString() {
        return name();
    }
}
