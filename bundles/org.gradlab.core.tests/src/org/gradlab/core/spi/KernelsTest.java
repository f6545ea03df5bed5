package org.gradlab.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Kernels.gemm against a naive triple loop. Every gemm path adds each element's products in order
 * of p, exactly as the naive loop below does, so results must agree bit for bit (Java neither fuses
 * nor reassociates floating-point arithmetic). A 1e-12 relative check runs first so that a wrong
 * result is reported as such, not as a mere difference in rounding.
 */
class KernelsTest {
    private static final int[] SIZES = {0, 1, 2, 3, 5, 7, 8, 9, 16, 31, 33, 65, 130};

    @Test
    void matchesNaiveLoopForEdgeSizesAllTransposesAndOffsets() {
        Random rng = new Random(42);
        int cases = 0;
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : SIZES) {
                    // Every shape with one transpose combination, a fifth of them with all four.
                    int combo = (m + 3 * n + 7 * k) & 3;
                    for (int t = 0; t < 4; t++) {
                        if (t == combo || (m + n + k) % 5 == 0) {
                            check(rng, t >= 2, (t & 1) == 1, m, n, k, false);
                            cases++;
                        }
                    }
                }
            }
        }
        assertTrue(cases > SIZES.length * SIZES.length * SIZES.length, "cases run: " + cases);
    }

    @Test
    void largeProductsMatchNaiveLoopAndAreIdenticalWhateverTheThreadCount() {
        Random rng = new Random(7);
        int[][] shapes = {{130, 300, 260}, {257, 129, 513}, {64, 520, 31}, {9, 1000, 200}, {300, 7, 600}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                check(rng, t >= 2, (t & 1) == 1, s[0], s[1], s[2], true);
            }
        }
    }

    @Test
    void publicEntryPointAgreesWithForcedSerialRunOnALargeProduct() {
        Random rng = new Random(3);
        int m = 200, n = 300, k = 400; // above the parallel threshold
        double[] a = random(rng, m * k), b = random(rng, k * n), c0 = random(rng, m * n);
        double[] viaPublic = c0.clone(), serial = c0.clone();
        Kernels.gemm(false, true, m, n, k, a, 0, b, 0, viaPublic, 0);
        Kernels.gemm(false, true, m, n, k, a, 0, b, 0, serial, 0, false);
        assertArrayEquals(serial, viaPublic);
    }

    @Test
    void nonFiniteValuesPropagateLikeTheNaiveLoop() {
        double[] a = {0, 1, 2, 3}; // 2×2
        double[] b = {Double.POSITIVE_INFINITY, 1, 1, Double.NaN};
        double[] c = new double[4];
        Kernels.gemm(false, false, 2, 2, 2, a, 0, b, 0, c, 0);
        // 0·∞ is NaN: a zero in A must not skip the product.
        assertEquals(Double.NaN, c[0]);
        assertEquals(Double.NaN, c[1]);
        assertEquals(Double.POSITIVE_INFINITY, c[2]);
    }

    /** Runs one product with random offsets into a nonzero C and compares with the naive loop. */
    private static void check(Random rng, boolean ta, boolean tb, int m, int n, int k, boolean parallel) {
        int aOff = rng.nextInt(5), bOff = rng.nextInt(5), cOff = rng.nextInt(5);
        double[] a = random(rng, aOff + m * k + 3);
        double[] b = random(rng, bOff + k * n + 3);
        double[] c = random(rng, cOff + m * n + 3);
        double[] expected = c.clone();
        naive(ta, tb, m, n, k, a, aOff, b, bOff, expected, cOff);
        double[] serial = c.clone();
        Kernels.gemm(ta, tb, m, n, k, a, aOff, b, bOff, serial, cOff, false);
        String what = (ta ? "T" : "N") + (tb ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k;
        assertClose(expected, serial, what);
        assertArrayEquals(expected, serial, what + ": not the naive loop's summation order");
        if (parallel) {
            double[] par = c.clone();
            Kernels.gemm(ta, tb, m, n, k, a, aOff, b, bOff, par, cOff, true);
            assertArrayEquals(serial, par, what + ": parallel differs from serial");
        }
    }

    private static void naive(boolean ta, boolean tb, int m, int n, int k, double[] a, int aOff, double[] b,
            int bOff, double[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = c[cOff + i * n + j];
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[aOff + p * m + i] : a[aOff + i * k + p];
                    double y = tb ? b[bOff + j * k + p] : b[bOff + p * n + j];
                    s += x * y;
                }
                c[cOff + i * n + j] = s;
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-12 * Math.max(1, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                throw new AssertionError(what + ": element " + i + " expected " + expected[i] + " got " + actual[i]);
            }
        }
    }

    private static double[] random(Random rng, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }
}
