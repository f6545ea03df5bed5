package org.gradlab.engine.nn;

/**
 * Normalization over groups of a tensor laid out as (outer, groups, inner): each group's
 * statistics run over its outer·inner elements. Batch norm views its input as (N, C, H·W) and
 * layer norm as (1, rows, normalized size), so both share the statistics and the backward formula;
 * their per-element affine step views it as (N, C, H·W) and (rows, normalized size, 1).
 */
final class NormKernels {
    private NormKernels() {
    }

    /** Per-group sums (also a convolution's bias gradient: grad_output summed over N, H and W per channel). */
    static double[] sums(double[] x, int outer, int groups, int inner) {
        double[] sums = new double[groups];
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double s = 0.0;
                for (int i = 0; i < inner; i++) {
                    s += x[base + i];
                }
                sums[g] += s;
            }
        }
        return sums;
    }

    /** Per-group mean and BIASED variance as {mean, var}; two passes so the variance does not cancel. */
    static double[][] moments(double[] x, int outer, int groups, int inner) {
        double[] mean = sums(x, outer, groups, inner);
        double[] var = new double[groups];
        double count = (double) outer * inner;
        for (int g = 0; g < groups; g++) {
            mean[g] /= count;
        }
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double m = mean[g];
                double s = 0.0;
                for (int i = 0; i < inner; i++) {
                    double d = x[base + i] - m;
                    s += d * d;
                }
                var[g] += s;
            }
        }
        for (int g = 0; g < groups; g++) {
            var[g] /= count;
        }
        return new double[][] {mean, var};
    }

    /** 1 / sqrt(var + eps) per group. */
    static double[] invStd(double[] var, double eps) {
        double[] out = new double[var.length];
        for (int g = 0; g < var.length; g++) {
            out[g] = 1.0 / Math.sqrt(var[g] + eps);
        }
        return out;
    }

    /** x̂ = (x − mean) · invStd, per group. */
    static double[] normalize(double[] x, int outer, int groups, int inner, double[] mean, double[] invStd) {
        return perGroup(x, outer, groups, inner, mean, invStd, null);
    }

    /** x·scale + shift per group; {@code shift} may be null (none). */
    static double[] affine(double[] x, int outer, int groups, int inner, double[] scale, double[] shift) {
        return perGroup(x, outer, groups, inner, null, scale, shift);
    }

    /**
     * (x − center)·scale + shift per group. A null center or shift is left out rather than taken
     * as 0, so each caller gets exactly the operations it asked for (x − 0 and x + 0 can flip −0).
     */
    private static double[] perGroup(double[] x, int outer, int groups, int inner, double[] center, double[] scale,
            double[] shift) {
        double[] out = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double c = center == null ? 0.0 : center[g];
                double a = scale[g];
                double b = shift == null ? 0.0 : shift[g];
                for (int i = 0; i < inner; i++) {
                    double v = (center == null ? x[base + i] : x[base + i] - c) * a;
                    out[base + i] = shift == null ? v : v + b;
                }
            }
        }
        return out;
    }

    /**
     * Per-group {Σ d, Σ d⊙x̂}: for d = dy the bias and weight gradients of the affine step
     * y = x̂·γ + β, for d = dx̂ the two sums {@link #backward} needs.
     */
    static double[][] gradientSums(double[] d, double[] xhat, int outer, int groups, int inner) {
        double[] sumD = new double[groups];
        double[] sumDX = new double[groups];
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double sd = 0.0;
                double sdx = 0.0;
                for (int i = 0; i < inner; i++) {
                    sd += d[base + i];
                    sdx += d[base + i] * xhat[base + i];
                }
                sumD[g] += sd;
                sumDX[g] += sdx;
            }
        }
        return new double[][] {sumD, sumDX};
    }

    /**
     * dL/dx from dL/dx̂ when mean and variance were computed from x itself (training batch norm,
     * layer norm): dx = invStd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)). The two mean terms are the
     * paths through the batch mean and the batch variance.
     */
    static double[] backward(double[] dxhat, double[] xhat, int outer, int groups, int inner, double[] invStd) {
        double[][] sums = gradientSums(dxhat, xhat, outer, groups, inner);
        double[] sumD = sums[0];
        double[] sumDX = sums[1];
        double count = (double) outer * inner;
        double[] dx = new double[dxhat.length];
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double meanD = sumD[g] / count;
                double meanDX = sumDX[g] / count;
                double s = invStd[g];
                for (int i = 0; i < inner; i++) {
                    dx[base + i] = s * (dxhat[base + i] - meanD - xhat[base + i] * meanDX);
                }
            }
        }
        return dx;
    }
}
