package org.gradlab.core.spi;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Dense kernels on primitive arrays, shared by {@code Tensor} and the reference engine so each
 * exists once. All work in double lanes; callers round to float32 when storing.
 */
public final class Kernels {
    /** Rows of op(B) per packed block: a KC×NC block (512 KiB) stays in the L2 cache while C's rows stream past. */
    private static final int KC = 256;
    /** Columns of C per block; also the length of the vectorised inner loop. */
    private static final int NC = 256;
    /** Below this many multiply-adds packing costs more than it saves: a plain loop runs instead. */
    private static final long BLOCKED_MIN_MACS = 1 << 9;
    /** Below this many multiply-adds forking costs more than a second core saves. */
    private static final long PARALLEL_MIN_MACS = 1 << 20;
    /** A parallel product is cut into about this many tiles per thread, so uneven tiles still balance. */
    private static final int TILES_PER_THREAD = 3;

    private Kernels() {
    }

    /**
     * C[m×n] += op(A)[m×k] · op(B)[k×n] with row-major storage and offsets; {@code transA}/{@code transB}
     * read A as k×m / B as n×k.
     * <p>
     * Determinism: every path computes each element as c = (…((c + a₀b₀) + a₁b₁) + …) + a_{k-1}b_{k-1},
     * strictly in order of p. Blocking only decides when an element is visited, and the parallel path
     * gives every element of C to exactly one task, so results are bit-identical to the naive loop
     * whatever the block sizes or the number of threads.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        boolean parallel = (long) m * n * k >= PARALLEL_MIN_MACS && Runtime.getRuntime().availableProcessors() > 1;
        gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, parallel);
    }

    /** {@link #gemm} with the choice of parallelism made by the caller (tests compare both). */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean parallel) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        Product g = new Product(m, n, k, a, aOff, transA ? 1 : k, transA ? m : 1,
                b, bOff, transB ? 1 : n, transB ? k : 1, c, cOff);
        if ((long) m * n * k < BLOCKED_MIN_MACS) {
            g.plain();
        } else if (!parallel) {
            g.tile(0, m, 0, n);
        } else {
            new Tiles(g, ForkJoinPool.getCommonPoolParallelism() + 1).invoke();
        }
    }

    /**
     * One product with op() folded into strides: op(A)(i, p) = a[aOff + i·aRow + p·aCol] and
     * op(B)(p, j) = b[bOff + p·bRow + j·bCol].
     */
    private record Product(int m, int n, int k, double[] a, int aOff, int aRow, int aCol,
            double[] b, int bOff, int bRow, int bCol, double[] c, int cOff) {

        /** The i-p-j loop straight on the arrays, for products too small to pack. */
        void plain() {
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * n;
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + i * aRow + p * aCol];
                    int bp = bOff + p * bRow;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += x * b[bp + j * bCol];
                    }
                }
            }
        }

        /**
         * C[i0..i1, j0..j1] += op(A)[i0..i1, :] · op(B)[:, j0..j1], in blocks of NC columns and KC
         * steps of k. The kernels read packed B rows and copies of C rows, never the caller's arrays
         * at an offset: loops that index every array by the bare loop counter are the ones C2
         * vectorises without proving the arrays distinct.
         */
        void tile(int i0, int i1, int j0, int j1) {
            int kc = Math.min(k, (balanced(k, KC) + 3) & ~3); // whole groups of four k steps except at the end
            int nc = balanced(j1 - j0, NC);
            double[][] bp = new double[kc][nc];
            double[] t0 = new double[nc];
            double[] t1 = new double[nc];
            for (int jc = j0; jc < j1; jc += nc) {
                int w = Math.min(nc, j1 - jc);
                for (int pc = 0; pc < k; pc += kc) {
                    int d = Math.min(kc, k - pc);
                    packB(pc, d, jc, w, bp);
                    int i = i0;
                    for (; i + 2 <= i1; i += 2) {
                        int ci = cOff + i * n + jc;
                        System.arraycopy(c, ci, t0, 0, w);
                        System.arraycopy(c, ci + n, t1, 0, w);
                        rowPair(a, aOff + i * aRow + pc * aCol, aRow, aCol, bp, d, w, t0, t1);
                        System.arraycopy(t0, 0, c, ci, w);
                        System.arraycopy(t1, 0, c, ci + n, w);
                    }
                    if (i < i1) {
                        int ci = cOff + i * n + jc;
                        System.arraycopy(c, ci, t0, 0, w);
                        row(a, aOff + i * aRow + pc * aCol, aCol, bp, d, w, t0);
                        System.arraycopy(t0, 0, c, ci, w);
                    }
                }
            }
        }

        /** Copies op(B)[pc..pc+d, jc..jc+w] into bp[0..d)[0..w). */
        private void packB(int pc, int d, int jc, int w, double[][] bp) {
            if (bCol == 1) {
                for (int p = 0; p < d; p++) {
                    System.arraycopy(b, bOff + (pc + p) * bRow + jc, bp[p], 0, w);
                }
                return;
            }
            // transB: columns of op(B) are contiguous in b. Four at a time: four read streams, and each
            // packed row gets four adjacent writes instead of one scattered one.
            int j = 0;
            for (; j + 4 <= w; j += 4) {
                int s0 = bOff + (jc + j) * bCol + pc;
                int s1 = s0 + bCol, s2 = s1 + bCol, s3 = s2 + bCol;
                for (int p = 0; p < d; p++) {
                    double[] row = bp[p];
                    row[j] = b[s0 + p];
                    row[j + 1] = b[s1 + p];
                    row[j + 2] = b[s2 + p];
                    row[j + 3] = b[s3 + p];
                }
            }
            for (; j < w; j++) {
                int src = bOff + (jc + j) * bCol + pc;
                for (int p = 0; p < d; p++) {
                    bp[p][j] = b[src + p];
                }
            }
        }
    }

    /**
     * The micro-kernel: two rows of C (t0, t1) += two rows of A (from index a0, a0 + aRow, stepping
     * aCol) times d packed rows of B. Four k steps per pass over the row amortise the loads and stores
     * of t; each element still adds its products in order of p. Larger unrollings exceed what C2
     * vectorises (measured on JDK 25), so keep the loop body this small.
     */
    private static void rowPair(double[] a, int a0, int aRow, int aCol, double[][] bp, int d, int w,
            double[] t0, double[] t1) {
        int a1 = a0 + aRow;
        int p = 0;
        for (; p + 4 <= d; p += 4) {
            int u = a0 + p * aCol;
            int v = a1 + p * aCol;
            double x0 = a[u], x1 = a[u + aCol], x2 = a[u + 2 * aCol], x3 = a[u + 3 * aCol];
            double z0 = a[v], z1 = a[v + aCol], z2 = a[v + 2 * aCol], z3 = a[v + 3 * aCol];
            double[] y0 = bp[p], y1 = bp[p + 1], y2 = bp[p + 2], y3 = bp[p + 3];
            for (int j = 0; j < w; j++) {
                double b0 = y0[j], b1 = y1[j], b2 = y2[j], b3 = y3[j];
                t0[j] = t0[j] + x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3;
                t1[j] = t1[j] + z0 * b0 + z1 * b1 + z2 * b2 + z3 * b3;
            }
        }
        for (; p < d; p++) {
            double x = a[a0 + p * aCol];
            double z = a[a1 + p * aCol];
            double[] y = bp[p];
            for (int j = 0; j < w; j++) {
                t0[j] = t0[j] + x * y[j];
                t1[j] = t1[j] + z * y[j];
            }
        }
    }

    /** {@link #rowPair} for a single row, the last of an odd count. */
    private static void row(double[] a, int a0, int aCol, double[][] bp, int d, int w, double[] t) {
        int p = 0;
        for (; p + 4 <= d; p += 4) {
            int u = a0 + p * aCol;
            double x0 = a[u], x1 = a[u + aCol], x2 = a[u + 2 * aCol], x3 = a[u + 3 * aCol];
            double[] y0 = bp[p], y1 = bp[p + 1], y2 = bp[p + 2], y3 = bp[p + 3];
            for (int j = 0; j < w; j++) {
                t[j] = t[j] + x0 * y0[j] + x1 * y1[j] + x2 * y2[j] + x3 * y3[j];
            }
        }
        for (; p < d; p++) {
            double x = a[a0 + p * aCol];
            double[] y = bp[p];
            for (int j = 0; j < w; j++) {
                t[j] = t[j] + x * y[j];
            }
        }
    }

    /** The block size ≤ max that cuts {@code size} into equal blocks, so no block is a thin leftover. */
    private static int balanced(int size, int max) {
        return Math.ceilDiv(size, Math.ceilDiv(size, max));
    }

    /**
     * Disjoint tiles of C computed in parallel, each with all of k by {@link Product#tile}. A tile owns
     * its elements outright, so which thread computes it, and when, cannot change the result.
     */
    private static final class Tiles extends RecursiveAction {
        private final Product g;
        private final int rowTiles;
        private final int colTiles;
        private final int from;
        private final int to;

        Tiles(Product g, int threads) {
            this.g = g;
            int wanted = threads * TILES_PER_THREAD;
            int cols = Math.ceilDiv(g.n(), NC);
            // Every row tile packs its own copy of B, so cut rows only where tiles keep 32 rows or more;
            // otherwise (few rows) cut columns finer, down to 64 wide.
            rowTiles = Math.max(1, Math.min(Math.ceilDiv(wanted, cols), g.m() / 32));
            colTiles = Math.max(cols, Math.min(Math.ceilDiv(wanted, rowTiles), g.n() / 64));
            from = 0;
            to = rowTiles * colTiles;
        }

        private Tiles(Tiles parent, int from, int to) {
            g = parent.g;
            rowTiles = parent.rowTiles;
            colTiles = parent.colTiles;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > 1) {
                int mid = (from + to) >>> 1;
                invokeAll(new Tiles(this, from, mid), new Tiles(this, mid, to));
                return;
            }
            int r = from / colTiles;
            int col = from % colTiles;
            // Even row cuts on multiples of 2 keep the two-row kernel busy.
            int i0 = evenCut(g.m(), r, rowTiles);
            int i1 = evenCut(g.m(), r + 1, rowTiles);
            int j0 = (int) ((long) g.n() * col / colTiles);
            int j1 = (int) ((long) g.n() * (col + 1) / colTiles);
            g.tile(i0, i1, j0, j1);
        }

        private static int evenCut(int size, int index, int parts) {
            return index == parts ? size : (int) ((long) size * index / parts) & ~1;
        }
    }
}
