package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.backend.Backend;
import org.gradlab.engine.backend.Backends;
import org.gradlab.engine.backend.ConvGeometry;
import org.gradlab.engine.nn.Conv2d;
import org.gradlab.engine.nn.ConvTranspose2d;
import org.gradlab.engine.nn.UpsamplingNearest2d;
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
 * 07-convolution: Conv2d, ConvTranspose2d and UpsamplingNearest2d judged against the reference
 * engine. Random configurations drawn from the seed (square and rectangular kernels, stride 1–3,
 * padding 0–2, dilation 1–2, groups 1 / 2 / depthwise, batch 1 or 2) score forward, input and
 * parameter gradients; fixed combinations that break naive code (a stride that leaves rows
 * unreached, padding with dilation, 1×1 kernels, windows of pure padding, depthwise with batch 1,
 * output padding) score the edge cases. Diagnosis names a flipped kernel, a backward that forgets
 * the dilation, a bias gradient not summed over the batch or positions, ignored output padding,
 * and gradients wrong only at the padded border.
 */
public final class ConvolutionExercise implements ExerciseSpec {
    private static final String CONV = "conv.Conv2d";
    private static final String TRANSPOSED = "conv.ConvTranspose2d";
    private static final String UPSAMPLING = "conv.UpsamplingNearest2d";
    private static final int RANDOM_CONV = 4;
    private static final int RANDOM_OTHER = 2;
    private static final int[] ONE = {1, 1};

    private static final String FLIPPED_OUTPUT = "kernel flipped: PyTorch's convolution is a cross-correlation,"
            + " y[oy, ox] = b + Σ w[i, j]·x[oy·stride − padding + i·dilation, …], with no 180° rotation of the kernel";
    private static final String FLIPPED_INPUT_GRAD = "input gradient through a flipped kernel: each output's"
            + " gradient goes back through the same tap w[.., i, j] that read the pixel in forward (no 180° rotation)";
    private static final String FLIPPED_WEIGHT_GRAD = "weight gradient of a flipped kernel: dW[.., i, j] pairs"
            + " grad_output with the pixels tap (i, j) read in forward (no 180° rotation)";
    private static final String NO_DILATION = "backward ignores the dilation: kernel tap i reads input row"
            + " oy·stride − padding + i·dilation in backward just as in forward";
    private static final String NO_BIAS = "bias not added to the output";

    @Override
    public String id() {
        return "07-convolution";
    }

    @Override
    public String title() {
        return "Convolution";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(CONV, TRANSPOSED, UPSAMPLING);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 2.5, Part.INPUT_GRADIENT, 2.5, Part.PARAMETER_GRADIENTS, 2.0,
                Part.EDGE_CASES, 2.5, Part.STATEFUL_INVARIANTS, 0.5));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng rng = g.rng("conv2d");
        for (int i = 1; i <= RANDOM_CONV; i++) {
            judgeConv(g, rng, "random " + i, ConvCase.random(rng), null, i == 1);
        }
        for (Named<ConvCase> e : ConvCase.edges(rng)) {
            judgeConv(g, rng, "edge: " + e.title(), e.config(), Part.EDGE_CASES, false);
        }
        Rng trng = g.rng("conv_transpose2d");
        for (int i = 1; i <= RANDOM_OTHER; i++) {
            judgeTransposed(g, trng, "random " + i, TransposedCase.random(trng), null, i == 1);
        }
        for (Named<TransposedCase> e : TransposedCase.edges(trng)) {
            judgeTransposed(g, trng, "edge: " + e.title(), e.config(), Part.EDGE_CASES, false);
        }
        Rng urng = g.rng("upsample_nearest2d");
        for (int i = 1; i <= RANDOM_OTHER; i++) {
            judgeUpsampling(g, urng, "random " + i, UpsamplingCase.random(urng), null, i == 1);
        }
        for (Named<UpsamplingCase> e : UpsamplingCase.edges(urng)) {
            judgeUpsampling(g, urng, "edge: " + e.title(), e.config(), Part.EDGE_CASES, false);
        }
        return g.finish("");
    }

    // ------------------------------------------------------------------------------------ Conv2d

    /** A Conv2d configuration and the input it is run on. */
    private record ConvCase(int n, int in, int out, int h, int w, int[] k, int[] s, int[] p, int[] d, int groups) {
        static ConvCase random(Rng r) {
            int groups;
            int in;
            int out;
            switch (r.nextInt(3)) {
                case 0 -> {
                    groups = 1;
                    in = 1 + r.nextInt(3);
                    out = 1 + r.nextInt(3);
                }
                case 1 -> {
                    groups = 2;
                    in = 2 * (1 + r.nextInt(2));
                    out = 2 * (1 + r.nextInt(2));
                }
                default -> { // depthwise
                    in = 2 + r.nextInt(2);
                    groups = in;
                    out = in * (1 + r.nextInt(2));
                }
            }
            int[] k = {1 + r.nextInt(3), 1 + r.nextInt(3)};
            int[] s = {1 + r.nextInt(3), 1 + r.nextInt(3)};
            int[] p = {r.nextInt(3), r.nextInt(3)};
            int[] d = {1 + r.nextInt(2), 1 + r.nextInt(2)};
            return new ConvCase(1 + r.nextInt(2), in, out, fitting(r, k[0], p[0], d[0]), fitting(r, k[1], p[1], d[1]),
                    k, s, p, d, groups);
        }

        /** An input size the dilated kernel fits in once padded, plus up to 3 more. */
        private static int fitting(Rng r, int k, int p, int d) {
            return Math.max(1, d * (k - 1) + 1 - 2 * p) + r.nextInt(4);
        }

        static List<Named<ConvCase>> edges(Rng r) {
            int k0 = 2 + r.nextInt(2);
            int k1 = 2 + r.nextInt(2);
            int depthwise = 2 + r.nextInt(2);
            return List.of(
                    new Named<>("stride 3 leaves the last rows and columns unreached",
                            new ConvCase(2, 1 + r.nextInt(2), 1 + r.nextInt(3), k0 + 3 * (1 + r.nextInt(2)) + 1
                                    + r.nextInt(2), k1 + 3 + 1 + r.nextInt(2), new int[] {k0, k1}, new int[] {3, 3},
                                    new int[] {0, 0}, ONE, 1)),
                    new Named<>("padding 2, dilation 2, stride 2, groups 2",
                            new ConvCase(2, 2, 2 * (1 + r.nextInt(2)), 3 + r.nextInt(4), 3 + r.nextInt(4),
                                    new int[] {3, 3}, new int[] {2, 2}, new int[] {2, 2}, new int[] {2, 2}, 2)),
                    new Named<>("1x1 kernel, stride 2, batch 1",
                            new ConvCase(1, 1 + r.nextInt(3), 1 + r.nextInt(3), 3 + r.nextInt(5), 3 + r.nextInt(5),
                                    ONE, new int[] {2, 2}, new int[] {0, 0}, ONE, 1)),
                    new Named<>("1x1 kernel with padding 1: border outputs see only padding",
                            new ConvCase(2, 1 + r.nextInt(2), 1 + r.nextInt(2), 2 + r.nextInt(3), 2 + r.nextInt(3),
                                    ONE, ONE, ONE, ONE, 1)),
                    new Named<>("depthwise, batch 1",
                            new ConvCase(1, depthwise, depthwise * (1 + r.nextInt(2)), 4 + r.nextInt(3),
                                    4 + r.nextInt(3), new int[] {3, 3}, new int[] {1 + r.nextInt(2), 1},
                                    ONE, ONE, depthwise)),
                    new Named<>("kernel 1x3, stride (2, 1), padding (0, 1), dilation (1, 2)",
                            new ConvCase(2, 2, 2 * (1 + r.nextInt(2)), 3 + r.nextInt(3), 4 + r.nextInt(3),
                                    new int[] {1, 3}, new int[] {2, 1}, new int[] {0, 1}, new int[] {1, 2},
                                    1 + r.nextInt(2))));
        }

        Conv2d reference(Rng rng) {
            return new Conv2d(DType.FLOAT64, in, out, k, s, p, d, groups, true, rng);
        }

        @Override
        public String toString() {
            return "input " + n + "x" + in + "x" + h + "x" + w + ", " + out + " filters " + k[0] + "x" + k[1]
                    + ", stride " + pair(s) + ", padding " + pair(p) + ", dilation " + pair(d) + ", groups " + groups;
        }
    }

    private static void judgeConv(Grading g, Rng rng, String title, ConvCase cfg, Part part, boolean invariants) {
        Conv2d ref = cfg.reference(rng.split());
        Tensor x = Tensor.randn(rng, cfg.n(), cfg.in(), cfg.h(), cfg.w());
        Tensor dy = Tensor.randn(rng, ref.forward(x).shape());
        Tensor w = ref.weight().value();
        Tensor b = ref.bias().value();
        Supplier<Layer> fresh = () -> cfg.reference(new Rng(0));
        Run truth = Run.of(fresh.get(), w, b, x, dy);

        MistakeDiagnosis out = new MistakeDiagnosis().variant(NO_BIAS, truth.output().sub(channels(b)));
        MistakeDiagnosis dx = new MistakeDiagnosis();
        MistakeDiagnosis dw = weightDiagnosis(fresh, truth, w, b, x, dy);
        if (cfg.k()[0] * cfg.k()[1] > 1) {
            Run flipped = Run.of(fresh.get(), flip(w), b, x, dy);
            out.variant(FLIPPED_OUTPUT, flipped.output());
            dx.variant(FLIPPED_INPUT_GRAD, flipped.dx());
        }
        if (cfg.d()[0] > 1 || cfg.d()[1] > 1) {
            ConvGeometry undilated = new ConvGeometry(cfg.s()[0], cfg.s()[1], cfg.p()[0], cfg.p()[1], 1, 1,
                    cfg.groups());
            Backend cpu = Backends.forType(DType.FLOAT64);
            dx.variant(NO_DILATION, cpu.conv2dInputGrad(dy, w, x.shape(), undilated));
            dw.variant(NO_DILATION, cpu.conv2dWeightGrad(dy, x, w.shape(), undilated));
        }
        Tensor border = borderMask(x.shape(), dy.shape(), cfg.k(), cfg.s(), cfg.p(), cfg.d());
        if (border.sumAll() > 0 && 4 * (border.numel() - border.sumAll()) >= border.numel()) {
            dx.boundary("the border (the edge rows and columns next to the zero padding, or pixels no window"
                    + " reaches)", border);
        }

        ModuleOracle.Case c = layerCase(title + " [" + cfg + "]", x, dy, part).diagnoseOutput("output", out)
                .diagnoseGrad("input", dx).diagnoseParameter("weight", dw).diagnoseParameter("bias", biasDiagnosis(dy));
        StudentInstance student = new StudentInstance(g.code(), CONV, cfg.in(), cfg.out(), cfg.k().clone(),
                cfg.s().clone(), cfg.p().clone(), cfg.d().clone(), cfg.groups(), new Rng(0));
        ModuleOracle.judge(g, "Conv2d", LayerOracle.module(student.layer()), LayerOracle.module(ref), c, invariants);
    }

    /**
     * 1 at the edge rows and columns next to zero padding (where a padding tap clamped into range
     * lands) and at pixels no window reaches (a stride that does not fit): where border mistakes show.
     * Needs a quarter of the pixels inside, so "wrong only at the border" still says something.
     */
    private static Tensor borderMask(int[] xShape, int[] yShape, int[] k, int[] s, int[] p, int[] d) {
        boolean[] rows = borderAxis(xShape[2], yShape[2], k[0], s[0], p[0], d[0]);
        boolean[] cols = borderAxis(xShape[3], yShape[3], k[1], s[1], p[1], d[1]);
        Tensor mask = Tensor.zeros(xShape);
        for (int i = 0; i < mask.numel(); i++) {
            int x = i % xShape[3];
            int y = i / xShape[3] % xShape[2];
            mask.setFlat(i, rows[y] || cols[x] ? 1 : 0);
        }
        return mask;
    }

    private static boolean[] borderAxis(int in, int out, int k, int s, int p, int d) {
        boolean[] border = new boolean[in];
        Arrays.fill(border, true);
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < k; i++) {
                int at = o * s - p + i * d;
                if (at >= 0 && at < in) {
                    border[at] = false; // reached
                }
            }
        }
        if (p > 0) {
            border[0] = true;
            border[in - 1] = true;
        }
        return border;
    }

    // --------------------------------------------------------------------------- ConvTranspose2d

    /** A ConvTranspose2d configuration (one group, dilation 1) and the input it is run on. */
    private record TransposedCase(int n, int in, int out, int h, int w, int[] k, int[] s, int[] p, int[] op) {
        static TransposedCase random(Rng r) {
            int[] k = {1 + r.nextInt(3), 1 + r.nextInt(3)};
            int[] s = {1 + r.nextInt(3), 1 + r.nextInt(3)};
            int[] op = {r.nextInt(s[0]), r.nextInt(s[1])};
            int h = 1 + r.nextInt(4);
            int w = 1 + r.nextInt(4);
            // padding crops the output; keep at least one row and column
            int[] p = {Math.min(r.nextInt(3), ((h - 1) * s[0] + k[0] + op[0] - 1) / 2),
                Math.min(r.nextInt(3), ((w - 1) * s[1] + k[1] + op[1] - 1) / 2)};
            return new TransposedCase(1 + r.nextInt(2), 1 + r.nextInt(3), 1 + r.nextInt(3), h, w, k, s, p, op);
        }

        static List<Named<TransposedCase>> edges(Rng r) {
            return List.of(
                    new Named<>("stride 2, padding 1, output padding 1",
                            new TransposedCase(2, 1 + r.nextInt(3), 1 + r.nextInt(3), 2 + r.nextInt(3),
                                    2 + r.nextInt(3), new int[] {3, 3}, new int[] {2, 2}, ONE, ONE)),
                    new Named<>("kernel 2x3, stride (3, 2), padding (0, 1), output padding (2, 1), batch 1",
                            new TransposedCase(1, 1 + r.nextInt(3), 1 + r.nextInt(3), 2 + r.nextInt(3),
                                    2 + r.nextInt(3), new int[] {2, 3}, new int[] {3, 2}, new int[] {0, 1},
                                    new int[] {2, 1})));
        }

        ConvTranspose2d reference(Rng rng) {
            return new ConvTranspose2d(DType.FLOAT64, in, out, k, s, p, op, ONE, 1, true, rng);
        }

        @Override
        public String toString() {
            return "input " + n + "x" + in + "x" + h + "x" + w + ", " + out + " output channels, kernel " + k[0] + "x"
                    + k[1] + ", stride " + pair(s) + ", padding " + pair(p) + ", output padding " + pair(op);
        }
    }

    private static void judgeTransposed(Grading g, Rng rng, String title, TransposedCase cfg, Part part,
            boolean invariants) {
        ConvTranspose2d ref = cfg.reference(rng.split());
        Tensor x = Tensor.randn(rng, cfg.n(), cfg.in(), cfg.h(), cfg.w());
        Tensor dy = Tensor.randn(rng, ref.forward(x).shape());
        Tensor w = ref.weight().value();
        Tensor b = ref.bias().value();
        Supplier<Layer> fresh = () -> cfg.reference(new Rng(0));
        Run truth = Run.of(fresh.get(), w, b, x, dy);

        MistakeDiagnosis out = new MistakeDiagnosis().variant(NO_BIAS, truth.output().sub(channels(b)));
        MistakeDiagnosis dx = new MistakeDiagnosis();
        int croppedH = dy.size(2) - cfg.op()[0];
        int croppedW = dy.size(3) - cfg.op()[1];
        if ((cfg.op()[0] > 0 || cfg.op()[1] > 0) && croppedH > 0 && croppedW > 0) {
            out.variant("output_padding ignored: it adds rows at the bottom and columns at the right, OH = (H − 1)"
                    + "·stride − 2·padding + kH + output_padding", truth.output()
                            .slice(2, 0, croppedH).slice(3, 0, croppedW));
        }
        if (cfg.k()[0] * cfg.k()[1] > 1) {
            Run flipped = Run.of(fresh.get(), flip(w), b, x, dy);
            out.variant(FLIPPED_OUTPUT, flipped.output());
            dx.variant(FLIPPED_INPUT_GRAD, flipped.dx());
        }
        ModuleOracle.Case c = layerCase(title + " [" + cfg + "]", x, dy, part).diagnoseOutput("output", out)
                .diagnoseGrad("input", dx).diagnoseParameter("weight", weightDiagnosis(fresh, truth, w, b, x, dy))
                .diagnoseParameter("bias", biasDiagnosis(dy));
        StudentInstance student = new StudentInstance(g.code(), TRANSPOSED, cfg.in(), cfg.out(), cfg.k().clone(),
                cfg.s().clone(), cfg.p().clone(), cfg.op().clone(), new Rng(0));
        ModuleOracle.judge(g, "ConvTranspose2d", LayerOracle.module(student.layer()), LayerOracle.module(ref), c,
                invariants);
    }

    // ----------------------------------------------------------------------- UpsamplingNearest2d

    private record UpsamplingCase(int n, int c, int h, int w, int scaleH, int scaleW) {
        static UpsamplingCase random(Rng r) {
            int scaleH;
            int scaleW;
            do {
                scaleH = 1 + r.nextInt(3);
                scaleW = 1 + r.nextInt(3);
            } while (scaleH * scaleW == 1); // scale (1, 1) is the identity
            return new UpsamplingCase(1 + r.nextInt(2), 1 + r.nextInt(3), 1 + r.nextInt(4), 1 + r.nextInt(4),
                    scaleH, scaleW);
        }

        static List<Named<UpsamplingCase>> edges(Rng r) {
            return List.of(
                    new Named<>("scale (1, 3), batch 1",
                            new UpsamplingCase(1, 1 + r.nextInt(3), 2 + r.nextInt(3), 2 + r.nextInt(3), 1, 3)),
                    new Named<>("scale (3, 2) of a 1x1 image", new UpsamplingCase(2, 1 + r.nextInt(3), 1, 1, 3, 2)));
        }

        @Override
        public String toString() {
            return "input " + n + "x" + c + "x" + h + "x" + w + ", scale (" + scaleH + ", " + scaleW + ")";
        }
    }

    private static void judgeUpsampling(Grading g, Rng rng, String title, UpsamplingCase cfg, Part part,
            boolean invariants) {
        UpsamplingNearest2d ref = new UpsamplingNearest2d(cfg.scaleH(), cfg.scaleW());
        Tensor x = Tensor.randn(rng, cfg.n(), cfg.c(), cfg.h(), cfg.w());
        Tensor dy = Tensor.randn(rng, ref.forward(x).shape());
        int block = cfg.scaleH() * cfg.scaleW();
        MistakeDiagnosis out = new MistakeDiagnosis();
        MistakeDiagnosis dx = new MistakeDiagnosis();
        if (cfg.scaleH() != cfg.scaleW()) {
            out.variant("scale factors swapped: scaleH multiplies the height (axis 2), scaleW the width (axis 3)",
                    new UpsamplingNearest2d(cfg.scaleW(), cfg.scaleH()).forward(x));
        }
        if (block > 1) {
            dx.variant("gradient of one copy per block only: every output in the block copies the pixel, so its"
                    + " gradient is the sum over the block", dy.slice(2, 0, dy.size(2), cfg.scaleH())
                            .slice(3, 0, dy.size(3), cfg.scaleW()));
            dx.factor("the block size scaleH·scaleW", block);
        }
        ModuleOracle.Case c = layerCase(title + " [" + cfg + "]", x, dy, part).diagnoseOutput("output", out)
                .diagnoseGrad("input", dx);
        StudentInstance student = new StudentInstance(g.code(), UPSAMPLING, cfg.scaleH(), cfg.scaleW());
        ModuleOracle.judge(g, "UpsamplingNearest2d", LayerOracle.module(student.layer()), LayerOracle.module(ref), c,
                invariants);
    }

    // ------------------------------------------------------------------------------------ shared

    private record Named<T>(String title, T config) {
    }

    /** The output and gradients of a fresh reference layer given these parameters. */
    private record Run(Tensor output, Tensor dx, Tensor dw, Tensor db) {
        static Run of(Layer layer, Tensor weight, Tensor bias, Tensor x, Tensor dy) {
            List<Parameter> ps = layer.parameters();
            ps.get(0).value().copyFrom(weight);
            ps.get(1).value().copyFrom(bias);
            Tensor y = layer.forward(x.copy());
            Tensor dx = layer.backward(dy.copy());
            return new Run(y, dx, ps.get(0).grad(), ps.get(1).grad());
        }
    }

    private static ModuleOracle.Case layerCase(String name, Tensor x, Tensor dy, Part part) {
        ModuleOracle.Case c = new ModuleOracle.Case(name).input("input", x).output("output", dy);
        return part == null ? c : c.part(part);
    }

    /** Weight-gradient mistakes both convolutions share: flipped or transposed kernel, one sample, a mean. */
    private static MistakeDiagnosis weightDiagnosis(Supplier<Layer> fresh, Run truth, Tensor w, Tensor b, Tensor x,
            Tensor dy) {
        MistakeDiagnosis d = new MistakeDiagnosis();
        int kh = w.size(2);
        int kw = w.size(3);
        if (kh * kw > 1) {
            d.variant(FLIPPED_WEIGHT_GRAD, flip(truth.dw()));
        }
        if (kh == kw && kh > 1) {
            d.variant("kernel rows and columns swapped (transposed kernel) in the weight gradient",
                    truth.dw().transpose(2, 3));
        }
        int n = x.size(0);
        if (n > 1) {
            Run last = Run.of(fresh.get(), w, b, x.slice(0, n - 1, n), dy.slice(0, n - 1, n));
            d.variant("weight gradient of the last sample only: sum it over the batch", last.dw());
            d.factor("the batch size", n);
        }
        return d;
    }

    /** The bias is broadcast over the batch and every output position: its gradient sums over them. */
    private static MistakeDiagnosis biasDiagnosis(Tensor dy) {
        MistakeDiagnosis d = new MistakeDiagnosis();
        int n = dy.size(0);
        int positions = dy.size(2) * dy.size(3);
        int[] space = {1, 2};
        if (n > 1) {
            d.variant("bias gradient of the last sample only: sum it over the batch too",
                    dy.select(0, n - 1).sum(space, false));
            d.variant("bias gradient of the first sample only: sum it over the batch too",
                    dy.select(0, 0).sum(space, false));
            d.factor("the batch size", n);
        }
        if (positions > 1) {
            d.variant("bias gradient of one output position only: sum it over all positions (and the batch)",
                    dy.select(3, 0).select(2, 0).sum(0, false));
            d.factor("the number of output positions OH·OW", positions);
        }
        if (n > 1 && positions > 1) {
            d.factor("N·OH·OW (a mean instead of a sum)", n * positions);
        }
        return d;
    }

    /** The kernel rotated by 180° in its two spatial axes. */
    private static Tensor flip(Tensor w) {
        int[] s = w.shape();
        Tensor out = Tensor.zeros(s);
        for (int i = 0; i < w.numel(); i++) {
            int j = i % s[3];
            int k = i / s[3] % s[2];
            int base = i - j - k * s[3];
            out.setFlat(i, w.getFlat(base + (s[2] - 1 - k) * s[3] + (s[3] - 1 - j)));
        }
        return out;
    }

    /** A (C) per-channel vector as (1, C, 1, 1), to broadcast over an (N, C, H, W) tensor. */
    private static Tensor channels(Tensor v) {
        return v.reshape(1, v.numel(), 1, 1);
    }

    private static String pair(int[] v) {
        return "(" + v[0] + ", " + v[1] + ")";
    }
}
