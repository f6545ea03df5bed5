package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gradlab.check.KinkException;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.AvgPool2d;
import org.gradlab.engine.nn.MaxPool2d;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentInstance;

/**
 * 08-pooling: MaxPool2d and AvgPool2d judged against the reference engine. Random window settings
 * drawn from the seed (square and rectangular windows, stride 1–3, padding up to half the window,
 * count_include_pad both ways, batch 1 or 2) score forward and input gradient; fixed settings that
 * break naive code (a maximum shared by overlapping windows, all-negative inputs next to padding,
 * strides that leave rows unreached, both divisors next to padding) score the edge cases. Max
 * pooling inputs are redrawn until no window has a tie (the gradient is not defined there).
 * Diagnosis names overwritten instead of accumulated gradients, zero instead of −∞ padding, the
 * wrong count_include_pad divisor, a sum instead of a mean and a gradient spread over the window.
 */
public final class PoolingExercise implements ExerciseSpec {
    private static final String MAX = "pooling.MaxPool2d";
    private static final String AVG = "pooling.AvgPool2d";
    private static final int RANDOM_CASES = 4;
    private static final int MAX_REDRAWS = 20;

    private static final String OVERWRITTEN = "overlapping windows: gradients overwritten instead of accumulated"
            + " — a pixel in several windows must receive the sum of their gradients (+=)";
    private static final String ZERO_PADDING = "padding treated as 0 instead of −∞: a window whose real inputs"
            + " are all negative must return its largest input, and the padding never receives gradient";

    @Override
    public String id() {
        return "08-pooling";
    }

    @Override
    public String title() {
        return "Pooling";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(MAX, AVG);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.5, Part.EDGE_CASES, 3.0,
                Part.STATEFUL_INVARIANTS, 0.5));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng mr = g.rng("max_pool2d");
        for (int i = 1; i <= RANDOM_CASES; i++) {
            judgeMax(g, mr, "random " + i, PoolCase.random(mr), Values.GAUSSIAN, null, i == 1);
        }
        int k = 5 + mr.nextInt(3);
        judgeMax(g, mr, "edge: overlapping 3x3 windows, stride 2, one maximum shared by four windows",
                new PoolCase(2, 1 + mr.nextInt(2), k, k, new int[] {3, 3}, new int[] {2, 2}, new int[] {0, 0}),
                Values.SHARED_MAXIMUM, Part.EDGE_CASES, false);
        judgeMax(g, mr, "edge: all-negative input, padding 1",
                new PoolCase(2, 1 + mr.nextInt(2), 3 + mr.nextInt(3), 3 + mr.nextInt(3), new int[] {3, 2},
                        new int[] {1 + mr.nextInt(2), 1 + mr.nextInt(2)}, new int[] {1, 1}),
                Values.NEGATIVE, Part.EDGE_CASES, false);
        judgeMax(g, mr, "edge: window 1x3, stride (1, 2), padding (0, 1), batch 1",
                new PoolCase(1, 1 + mr.nextInt(3), 2 + mr.nextInt(3), 4 + mr.nextInt(3), new int[] {1, 3},
                        new int[] {1, 2}, new int[] {0, 1}),
                Values.GAUSSIAN, Part.EDGE_CASES, false);
        judgeMax(g, mr, "edge: stride 3 leaves the last rows and columns unreached",
                new PoolCase(2, 1 + mr.nextInt(2), 6 + mr.nextInt(2), 6 + mr.nextInt(2), new int[] {2, 2},
                        new int[] {3, 3}, new int[] {0, 0}),
                Values.GAUSSIAN, Part.EDGE_CASES, false);

        Rng ar = g.rng("avg_pool2d");
        for (int i = 1; i <= RANDOM_CASES; i++) {
            judgeAvg(g, ar, "random " + i, PoolCase.random(ar), i % 2 == 1, null, i == 1);
        }
        int a = 5 + ar.nextInt(3);
        judgeAvg(g, ar, "edge: count_include_pad=True, padding 1, overlapping 3x3 windows, stride 2",
                new PoolCase(2, 1 + ar.nextInt(2), a, a + ar.nextInt(2), new int[] {3, 3}, new int[] {2, 2},
                        new int[] {1, 1}), true, Part.EDGE_CASES, false);
        judgeAvg(g, ar, "edge: count_include_pad=False, padding 1, window 3x2",
                new PoolCase(2, 1 + ar.nextInt(2), 3 + ar.nextInt(3), 3 + ar.nextInt(3), new int[] {3, 2},
                        new int[] {1 + ar.nextInt(2), 1}, new int[] {1, 1}), false, Part.EDGE_CASES, false);
        judgeAvg(g, ar, "edge: window 2x1, stride (1, 2), batch 1",
                new PoolCase(1, 1 + ar.nextInt(3), 2 + ar.nextInt(3), 3 + ar.nextInt(3), new int[] {2, 1},
                        new int[] {1, 2}, new int[] {0, 0}), ar.nextInt(2) == 0, Part.EDGE_CASES, false);
        return g.finish("");
    }

    /** A pooling window setting and the input size it is run on. */
    private record PoolCase(int n, int c, int h, int w, int[] k, int[] s, int[] p) {
        static PoolCase random(Rng r) {
            int[] k;
            do {
                k = new int[] {1 + r.nextInt(3), 1 + r.nextInt(3)};
            } while (k[0] * k[1] == 1); // a 1x1 window is the identity
            int[] s = {1 + r.nextInt(3), 1 + r.nextInt(3)};
            int[] p = {r.nextInt(k[0] / 2 + 1), r.nextInt(k[1] / 2 + 1)}; // torch: at most half the window
            return new PoolCase(1 + r.nextInt(2), 1 + r.nextInt(3), Math.max(1, k[0] - 2 * p[0]) + r.nextInt(4),
                    Math.max(1, k[1] - 2 * p[1]) + r.nextInt(4), k, s, p);
        }

        int[] shape() {
            return new int[] {n, c, h, w};
        }

        @Override
        public String toString() {
            return "input " + n + "x" + c + "x" + h + "x" + w + ", window " + k[0] + "x" + k[1] + ", stride ("
                    + s[0] + ", " + s[1] + "), padding (" + p[0] + ", " + p[1] + ")";
        }
    }

    /** How a case's input values are drawn. */
    private enum Values {
        GAUSSIAN, NEGATIVE, SHARED_MAXIMUM;

        Tensor draw(Rng rng, int[] shape) {
            Tensor x = Tensor.randn(rng, shape);
            return switch (this) {
                case GAUSSIAN -> x;
                case NEGATIVE -> x.abs().add(0.1).neg();
                case SHARED_MAXIMUM -> {
                    for (int n = 0; n < shape[0]; n++) {
                        for (int c = 0; c < shape[1]; c++) {
                            x.set(10.0, n, c, 2, 2); // inside the four 3x3 windows at rows and columns 0 and 2
                        }
                    }
                    yield x;
                }
            };
        }
    }

    private static void judgeMax(Grading g, Rng rng, String title, PoolCase cfg, Values values, Part part,
            boolean invariants) {
        MaxPool2d ref = new MaxPool2d(cfg.k(), cfg.s(), cfg.p());
        ModuleOracle.Module refModule = LayerOracle.module(ref);
        for (int attempt = 0;; attempt++) {
            Tensor x = values.draw(rng, cfg.shape());
            Tensor dy = Tensor.randn(rng, ref.forward(x).shape());
            ModuleOracle.Case c = layerCase(title + " [" + cfg + "]", x, dy, part);
            try {
                ModuleOracle.requireSmooth(refModule, c); // a tie makes the gradient undefined: redraw
            } catch (KinkException e) {
                if (attempt < MAX_REDRAWS) {
                    continue;
                }
                throw new IllegalStateException("grader bug: no tie-free input for MaxPool2d " + cfg, e);
            }
            Window[] windows = windows(x.shape(), dy.shape(), cfg);
            MistakeDiagnosis out = new MistakeDiagnosis();
            MistakeDiagnosis dx = new MistakeDiagnosis().variant(OVERWRITTEN, maxGradient(x, dy, windows, false,
                    true)).variant("gradient spread evenly over the window instead of routed to its maximum",
                            backward(new AvgPool2d(cfg.k(), cfg.s(), cfg.p(), false), x, dy));
            if (cfg.p()[0] > 0 || cfg.p()[1] > 0) {
                out.variant(ZERO_PADDING, zeroPaddedMax(x, dy.shape(), windows));
                dx.variant(ZERO_PADDING, maxGradient(x, dy, windows, true, false));
            }
            c.diagnoseOutput("output", out).diagnoseGrad("input", dx);
            StudentInstance student = new StudentInstance(g.code(), MAX, cfg.k().clone(), cfg.s().clone(),
                    cfg.p().clone());
            ModuleOracle.judge(g, "MaxPool2d", LayerOracle.module(student.layer()), refModule, c, invariants);
            return;
        }
    }

    private static void judgeAvg(Grading g, Rng rng, String title, PoolCase cfg, boolean countIncludePad, Part part,
            boolean invariants) {
        AvgPool2d ref = new AvgPool2d(cfg.k(), cfg.s(), cfg.p(), countIncludePad);
        Tensor x = Values.GAUSSIAN.draw(rng, cfg.shape());
        Tensor dy = Tensor.randn(rng, ref.forward(x).shape());
        int size = cfg.k()[0] * cfg.k()[1];
        MistakeDiagnosis out = new MistakeDiagnosis();
        MistakeDiagnosis dx = new MistakeDiagnosis().variant(OVERWRITTEN,
                avgGradientOverwritten(x, dy, windows(x.shape(), dy.shape(), cfg), countIncludePad, size));
        if (cfg.p()[0] > 0 || cfg.p()[1] > 0) {
            String divisor = "count_include_pad divisor wrong: with count_include_pad=" + (countIncludePad
                    ? "True every window divides by kH·kW (the padding counts as zeros)"
                    : "False a window divides by the number of real input pixels it covers");
            AvgPool2d other = new AvgPool2d(cfg.k(), cfg.s(), cfg.p(), !countIncludePad);
            out.variant(divisor, other.forward(x));
            dx.variant(divisor, backward(other, x, dy));
        }
        if (size > 1) {
            out.factor("the window size kH·kW (a sum instead of a mean)", size);
            dx.factor("the window size kH·kW", size);
        }
        ModuleOracle.Case c = layerCase(title + " [" + cfg + ", count_include_pad=" + (countIncludePad ? "True"
                : "False") + "]", x, dy, part).diagnoseOutput("output", out).diagnoseGrad("input", dx);
        StudentInstance student = new StudentInstance(g.code(), AVG, cfg.k().clone(), cfg.s().clone(),
                cfg.p().clone(), countIncludePad);
        ModuleOracle.judge(g, "AvgPool2d", LayerOracle.module(student.layer()), LayerOracle.module(ref), c, invariants);
    }

    private static ModuleOracle.Case layerCase(String name, Tensor x, Tensor dy, Part part) {
        ModuleOracle.Case c = new ModuleOracle.Case(name).input("input", x).output("output", dy);
        return part == null ? c : c.part(part);
    }

    private static Tensor backward(Layer layer, Tensor x, Tensor dy) {
        layer.forward(x);
        return layer.backward(dy);
    }

    // ------------------------------------------------- what the known mistakes compute, window by window

    /** One output's window: the flat input indices of its real pixels in scan order, and whether it covers padding. */
    private record Window(int[] pixels, boolean padded) {
    }

    private static Window[] windows(int[] xShape, int[] yShape, PoolCase cfg) {
        int h = xShape[2];
        int w = xShape[3];
        Window[] out = new Window[yShape[0] * yShape[1] * yShape[2] * yShape[3]];
        int o = 0;
        for (int plane = 0; plane < yShape[0] * yShape[1]; plane++) {
            for (int oy = 0; oy < yShape[2]; oy++) {
                for (int ox = 0; ox < yShape[3]; ox++, o++) {
                    int[] pixels = new int[cfg.k()[0] * cfg.k()[1]];
                    int count = 0;
                    for (int i = 0; i < cfg.k()[0]; i++) {
                        for (int j = 0; j < cfg.k()[1]; j++) {
                            int y = oy * cfg.s()[0] - cfg.p()[0] + i;
                            int x = ox * cfg.s()[1] - cfg.p()[1] + j;
                            if (y >= 0 && y < h && x >= 0 && x < w) {
                                pixels[count++] = (plane * h + y) * w + x;
                            }
                        }
                    }
                    out[o] = new Window(Arrays.copyOf(pixels, count), count < pixels.length);
                }
            }
        }
        return out;
    }

    /** The flat input index of a window's first maximum. */
    private static int argmax(Tensor x, Window win) {
        int best = win.pixels()[0];
        for (int i : win.pixels()) {
            if (x.getFlat(i) > x.getFlat(best)) {
                best = i;
            }
        }
        return best;
    }

    /** Max pooling as if the padding were zeros. */
    private static Tensor zeroPaddedMax(Tensor x, int[] yShape, Window[] windows) {
        Tensor y = Tensor.zeros(yShape);
        for (int o = 0; o < windows.length; o++) {
            double m = x.getFlat(argmax(x, windows[o]));
            y.setFlat(o, windows[o].padded() ? Math.max(m, 0) : m);
        }
        return y;
    }

    /**
     * Max pooling's input gradient, optionally with zero padding (a window whose padding wins
     * passes no gradient) or with each window's gradient stored (=) instead of added.
     */
    private static Tensor maxGradient(Tensor x, Tensor dy, Window[] windows, boolean zeroPadding, boolean overwrite) {
        Tensor dx = x.zerosLike();
        for (int o = 0; o < windows.length; o++) {
            int at = argmax(x, windows[o]);
            if (zeroPadding && windows[o].padded() && x.getFlat(at) < 0) {
                continue;
            }
            dx.setFlat(at, (overwrite ? 0 : dx.getFlat(at)) + dy.getFlat(o));
        }
        return dx;
    }

    /** Average pooling's input gradient with each window's share stored (=) instead of added. */
    private static Tensor avgGradientOverwritten(Tensor x, Tensor dy, Window[] windows, boolean countIncludePad,
            int size) {
        Tensor dx = x.zerosLike();
        for (int o = 0; o < windows.length; o++) {
            int[] pixels = windows[o].pixels();
            double share = dy.getFlat(o) / (countIncludePad ? size : pixels.length);
            for (int i : pixels) {
                dx.setFlat(i, share);
            }
        }
        return dx;
    }
}
