package org.gradlab.core.spi;

/**
 * Dense kernels on primitive arrays, shared by {@code Tensor} and the reference engine so each
 * exists once. All work in double lanes; callers round to float32 when storing.
 */
public final class Kernels {
    private Kernels() {
    }

    /**
     * C[m×n] += op(A)[m×k] · op(B)[k×n] with row-major storage and offsets; {@code transA}/{@code transB}
     * read A as k×m / B as n×k. The i-k-j order streams rows of B and C for cache locality.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (transB) {
            // Dot products of rows: both operands are read contiguously.
            for (int i = 0; i < m; i++) {
                int cRow = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    int bRow = bOff + j * k;
                    double s = 0.0;
                    if (transA) {
                        for (int p = 0; p < k; p++) {
                            s += a[aOff + p * m + i] * b[bRow + p];
                        }
                    } else {
                        int aRow = aOff + i * k;
                        for (int p = 0; p < k; p++) {
                            s += a[aRow + p] * b[bRow + p];
                        }
                    }
                    c[cRow + j] += s;
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            for (int p = 0; p < k; p++) {
                double av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (av == 0.0) {
                    continue;
                }
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += av * b[bRow + j];
                }
            }
        }
    }
}
