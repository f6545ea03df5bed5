package org.gradlab.engine.nn;

import org.gradlab.core.spi.Kernels;

/**
 * y = x·Wᵀ + b on row-major arrays, where W and b may be a block of rows inside a larger fused
 * weight (the four LSTM gates, attention's in_proj): offsets select the block, so no copies.
 */
final class AffineKernels {
    private AffineKernels() {
    }

    /** y[rows×out] += x[rows×in] · W[wOff: out×in]ᵀ + b[bOff: out] ({@code b} may be null). */
    static void forward(double[] x, int rows, int in, double[] w, int wOff, double[] b, int bOff, int out,
            double[] y) {
        if (b != null) {
            for (int r = 0; r < rows; r++) {
                int base = r * out;
                for (int j = 0; j < out; j++) {
                    y[base + j] += b[bOff + j];
                }
            }
        }
        Kernels.gemm(false, true, rows, out, in, x, 0, w, wOff, y, 0);
    }

    /**
     * Backward of {@link #forward} for dy[rows×out]: dx += dy·W (skipped when {@code dx} is null),
     * dW[dwOff: out×in] += dyᵀ·x and db[dbOff: out] += Σ_rows dy (skipped when {@code db} is null).
     */
    static void backward(double[] dy, int rows, int out, double[] x, int in, double[] w, int wOff, double[] dx,
            double[] dw, int dwOff, double[] db, int dbOff) {
        if (dx != null) {
            Kernels.gemm(false, false, rows, in, out, dy, 0, w, wOff, dx, 0);
        }
        Kernels.gemm(true, false, out, in, rows, dy, 0, x, 0, dw, dwOff);
        if (db != null) {
            for (int r = 0; r < rows; r++) {
                int base = r * out;
                for (int j = 0; j < out; j++) {
                    db[dbOff + j] += dy[base + j];
                }
            }
        }
    }
}
