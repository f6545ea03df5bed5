package attention;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * softmax(q·kᵀ/√E)·v with explicit loops over each batch's (L, S) score matrix: every leading
 * axis is folded into one batch axis B. With {@code causal}, query i attends to keys j ≤ i only.
 */
public final class ScaledDotProductAttention {
    private final boolean causal;
    // cache of the last forward, as (B, rows, cols) arrays
    private double[][][] q;
    private double[][][] k;
    private double[][][] v;
    private double[][][] p;
    private int[] outShape;

    public ScaledDotProductAttention(boolean causal) {
        this.causal = causal;
    }

    public Tensor forward(Tensor query, Tensor key, Tensor value) {
        int rank = query.dim();
        if (rank < 2 || key.dim() != rank || value.dim() != rank || query.size(-1) != key.size(-1)
                || key.size(-2) != value.size(-2)) {
            throw ShapeMismatchException.of("ScaledDotProductAttention",
                    "expected query (…, L, E), key (…, S, E), value (…, S, Ev)", query.shape(), key.shape(),
                    value.shape());
        }
        q = batches(query);
        k = batches(key);
        v = batches(value);
        int l = q[0].length;
        int s = k[0].length;
        int e = query.size(-1);
        int ev = value.size(-1);
        double scale = 1.0 / Math.sqrt(e);
        p = new double[q.length][l][s];
        double[][][] out = new double[q.length][l][ev];
        for (int b = 0; b < q.length; b++) {
            for (int i = 0; i < l; i++) {
                int visible = causal ? Math.min(i + 1, s) : s;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < visible; j++) {
                    double dot = 0;
                    for (int f = 0; f < e; f++) {
                        dot += q[b][i][f] * k[b][j][f];
                    }
                    p[b][i][j] = dot * scale;
                    max = Math.max(max, p[b][i][j]);
                }
                double sum = 0;
                for (int j = 0; j < visible; j++) {
                    p[b][i][j] = Math.exp(p[b][i][j] - max);
                    sum += p[b][i][j];
                }
                for (int j = 0; j < visible; j++) {
                    p[b][i][j] /= sum;
                    for (int f = 0; f < ev; f++) {
                        out[b][i][f] += p[b][i][j] * v[b][j][f];
                    }
                }
            }
        }
        outShape = query.shape();
        outShape[rank - 1] = ev;
        return tensor(out, outShape);
    }

    public Tensor[] backward(Tensor gradOutput) {
        if (p == null) {
            throw new IllegalStateException("ScaledDotProductAttention: backward called before forward");
        }
        double[][][] g = batches(gradOutput.reshape(outShape));
        int l = q[0].length;
        int s = k[0].length;
        int e = q[0][0].length;
        int ev = v[0][0].length;
        double scale = 1.0 / Math.sqrt(e);
        double[][][] dq = new double[q.length][l][e];
        double[][][] dk = new double[q.length][s][e];
        double[][][] dv = new double[q.length][s][ev];
        double[] dp = new double[s];
        for (int b = 0; b < q.length; b++) {
            for (int i = 0; i < l; i++) {
                double dot = 0; // Σ_j dp_j·p_j: the softmax couples every score of the row
                for (int j = 0; j < s; j++) {
                    dp[j] = 0;
                    for (int f = 0; f < ev; f++) {
                        dp[j] += g[b][i][f] * v[b][j][f];
                        dv[b][j][f] += p[b][i][j] * g[b][i][f];
                    }
                    dot += dp[j] * p[b][i][j];
                }
                for (int j = 0; j < s; j++) {
                    double ds = p[b][i][j] * (dp[j] - dot) * scale;
                    for (int f = 0; f < e; f++) {
                        dq[b][i][f] += ds * k[b][j][f];
                        dk[b][j][f] += ds * q[b][i][f];
                    }
                }
            }
        }
        int[] qShape = outShape.clone();
        qShape[qShape.length - 1] = e;
        int[] kShape = qShape.clone();
        kShape[kShape.length - 2] = s;
        int[] vShape = kShape.clone();
        vShape[vShape.length - 1] = ev;
        return new Tensor[] {tensor(dq, qShape), tensor(dk, kShape), tensor(dv, vShape)};
    }

    /** (…, rows, cols) → [B][rows][cols] with every leading axis folded into B. */
    private static double[][][] batches(Tensor t) {
        int rows = t.size(-2);
        int cols = t.size(-1);
        int count = t.numel() / Math.max(1, rows * cols);
        double[][][] out = new double[count][rows][cols];
        for (int b = 0; b < count; b++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[b][i][j] = t.getFlat((b * rows + i) * cols + j);
                }
            }
        }
        return out;
    }

    private static Tensor tensor(double[][][] data, int[] shape) {
        Tensor t = Tensor.zeros(shape);
        int rows = data.length == 0 ? 0 : data[0].length;
        int cols = rows == 0 ? 0 : data[0][0].length;
        for (int b = 0; b < data.length; b++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t.setFlat((b * rows + i) * cols + j, data[b][i][j]);
                }
            }
        }
        return t;
    }
}
