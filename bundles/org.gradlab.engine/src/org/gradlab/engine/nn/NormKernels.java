package org.gradlab.engine.nn;

/**
 * Normalization over groups of a tensor laid out as (outer, groups, inner): each group's
 * statistics run over its outer·inner elements. Batch norm views its input as (N, C, H·W) and
 * layer norm as (1, rows, normalized size), so both share the statistics and the backward formula.
 */
final class NormKernels {
    private NormKernels() {
    }

    /** Per-group mean and BIASED variance as {mean, var}; two passes so the variance does not cancel. */
    static double[][] moments(double[] x, int outer, int groups, int inner) {
        double[] mean = new double[groups];
        double[] var = new double[groups];
        double count = (double) outer * inner;
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double s = 0.0;
                for (int i = 0; i < inner; i++) {
                    s += x[base + i];
                }
                mean[g] += s;
            }
        }
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
        double[] out = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double m = mean[g];
                double s = invStd[g];
                for (int i = 0; i < inner; i++) {
                    out[base + i] = (x[base + i] - m) * s;
                }
            }
        }
        return out;
    }

    /**
     * dL/dx from dL/dx̂ when mean and variance were computed from x itself (training batch norm,
     * layer norm): dx = invStd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)). The two mean terms are the
     * paths through the batch mean and the batch variance.
     */
    static double[] backward(double[] dxhat, double[] xhat, int outer, int groups, int inner, double[] invStd) {
        double[] sumD = new double[groups];
        double[] sumDX = new double[groups];
        for (int o = 0; o < outer; o++) {
            for (int g = 0; g < groups; g++) {
                int base = (o * groups + g) * inner;
                double sd = 0.0;
                double sdx = 0.0;
                for (int i = 0; i < inner; i++) {
                    sd += dxhat[base + i];
                    sdx += dxhat[base + i] * xhat[base + i];
                }
                sumD[g] += sd;
                sumDX[g] += sdx;
            }
        }
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
