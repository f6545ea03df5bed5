package org.gradlab.engine.backend;


import org.gradlab.core.DType;
import org.gradlab.core.ShapeMismatchException;
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

    @Override
    public String toString() {
        return name();
    }
}
