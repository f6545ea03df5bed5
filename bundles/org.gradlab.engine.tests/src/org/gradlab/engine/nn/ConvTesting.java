package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/** Helpers of the convolution and pooling tests (public: the backend kernel test uses the naive convolution). */
public final class ConvTesting {
    private ConvTesting() {
    }

    /**
     * The textbook definition, one output element at a time — 7 nested loops, no im2col, no gemm:
     * y[n,o,oy,ox] = Σ_{c,i,j} x[n, g·C/G + c, oy·s − p + i·d, ox·s − p + j·d] · w[o, c, i, j].
     */
    public static Tensor naiveConv2d(Tensor x, Tensor w, int[] stride, int[] pad, int[] dil, int groups) {
        int n = x.size(0);
        int cIn = x.size(1);
        int h = x.size(2);
        int wd = x.size(3);
        int cOut = w.size(0);
        int cg = w.size(1);
        int kh = w.size(2);
        int kw = w.size(3);
        int oh = (h + 2 * pad[0] - dil[0] * (kh - 1) - 1) / stride[0] + 1;
        int ow = (wd + 2 * pad[1] - dil[1] * (kw - 1) - 1) / stride[1] + 1;
        int og = cOut / groups;
        if (cg * groups != cIn) {
            throw new IllegalArgumentException("naive conv: channel mismatch");
        }
        Tensor y = Tensor.zeros(n, cOut, oh, ow);
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < cOut; o++) {
                int group = o / og;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double s = 0.0;
                        for (int c = 0; c < cg; c++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int hy = oy * stride[0] - pad[0] + i * dil[0];
                                    int wx = ox * stride[1] - pad[1] + j * dil[1];
                                    if (hy >= 0 && hy < h && wx >= 0 && wx < wd) {
                                        s += x.get(b, group * cg + c, hy, wx) * w.get(o, c, i, j);
                                    }
                                }
                            }
                        }
                        y.set(s, b, o, oy, ox);
                    }
                }
            }
        }
        return y;
    }

    /** Σ a ⊙ b. */
    public static double dot(Tensor a, Tensor b) {
        return a.mul(b).sumAll();
    }

    /**
     * A random permutation of 0, 0.1, 0.2, … shifted to mean about 0: all values distinct and at least
     * 0.1 apart, far more than the difference step, so a max never switches inside a gradient check.
     */
    public static Tensor tieFree(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        int n = t.numel();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        for (int i = 0; i < n; i++) {
            t.setFlat(i, 0.1 * (perm[i] - n / 2.0));
        }
        return t;
    }

    /**
     * A float32 copy of {@code l64} (built by {@code l32} with its parameters overwritten) agrees with
     * it within float32 accuracy in output, input gradient and every parameter gradient, and stores
     * float32.
     */
    static void assertFloat32Agrees(Layer l64, Layer l32, Tensor input, Rng rng) {
        List<Parameter> p64 = l64.parameters();
        List<Parameter> p32 = l32.parameters();
        for (int i = 0; i < p64.size(); i++) {
            p32.get(i).value().copyFrom(p64.get(i).value());
        }
        ActivationTesting.assertFloat32ForwardBackward(l64, l32, input, rng, 1e-5);
        for (int i = 0; i < p64.size(); i++) {
            assertEquals(DType.FLOAT32, p32.get(i).grad().dtype());
            TensorComparison.compare("float32 grad " + p64.get(i).name(), p64.get(i).grad(), p32.get(i).grad(),
                    1e-4, 1e-5).orThrow();
        }
    }
}
