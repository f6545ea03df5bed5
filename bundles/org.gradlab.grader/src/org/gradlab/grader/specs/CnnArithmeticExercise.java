package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.gradlab.core.Rng;
import org.gradlab.engine.models.LayerSpec;
import org.gradlab.engine.models.ModelSummary;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.Verdict;

/**
 * 09-cnn-arithmetic: the student's {@code cnn.CnnArithmetic} — output shape, receptive field,
 * parameters and multiply-adds of a {@code cnn.LayerDesc} list — against the reference
 * {@link ModelSummary} of the same layers as {@link LayerSpec}s. FORWARD: random stacks drawn from
 * the seed (non-square inputs, strides, padding, dilation, groups, with or without bias, poolings,
 * flatten and linear layers). EDGE_CASES: the course's fixed numbers and the layers that break naive
 * formulas:
 * <ul>
 * <li>VGG16 at 3×224×224: 138,357,544 parameters, 15,470,264,320 multiply-adds, receptive field
 * 212 after the last pooling layer, 1000 outputs;</li>
 * <li>an Inception module on 256×32×32, four branches concatenated along the channels, every conv
 * with a bias and padded to keep 32×32. Naive: 1×1 conv 124 | 3×3 conv 192 (padding 1) | 5×5 conv 96
 * (padding 2) | 3×3 max pool (stride 1, padding 1): 1,088,924 parameters, 1,114,636,288
 * multiply-adds, 668 channels out. With 1×1 reductions: 1×1 conv 124 | 1×1 conv 64 → 3×3 conv 192 |
 * 1×1 conv 64 → 5×5 conv 96 | 3×3 max pool → 1×1 conv 64: 345,692 parameters, 353,370,112
 * multiply-adds, 476 channels out. (124 rather than GoogLeNet's round 128 is what makes the course's
 * numbers exact.) The student's functions see one branch at a time; the grader sums them;</li>
 * <li>dilated kernels, grouped (depthwise separable) convolutions, convolutions without bias, padded
 * pooling.</li>
 * </ul>
 * A wrong number is compared with what known mistakes give (dilation or the jump left out of the
 * receptive field, biases or groups left out of the parameters, …) and the matching one is named.
 */
public final class CnnArithmeticExercise implements ExerciseSpec {
    static final String ARITHMETIC = "cnn.CnnArithmetic";
    static final String DESC = "cnn.LayerDesc";
    private static final int RANDOM_STACKS = 3;
    static final long VGG16_PARAMETERS = 138_357_544L;
    static final long VGG16_MULTIPLY_ADDS = 15_470_264_320L;
    static final int VGG16_RECEPTIVE_FIELD = 212;
    static final long INCEPTION_NAIVE_PARAMETERS = 1_088_924L;
    static final long INCEPTION_NAIVE_MULTIPLY_ADDS = 1_114_636_288L;
    static final long INCEPTION_REDUCED_PARAMETERS = 345_692L;
    static final long INCEPTION_REDUCED_MULTIPLY_ADDS = 353_370_112L;
    private static final int[] INCEPTION_INPUT = {256, 32, 32};

    /** The grader's copy of a cnn.LayerDesc: what the reference and the mistakes are computed from. */
    record Desc(String kind, int out, int k, int s, int p, int d, int g, boolean bias) {
        static Desc conv(int out, int k, int s, int p, int d, int g, boolean bias) {
            return new Desc("conv", out, k, s, p, d, g, bias);
        }

        static Desc conv(int out, int k, int p) {
            return conv(out, k, 1, p, 1, 1, true);
        }

        static Desc pool(String kind, int k, int s, int p) {
            return new Desc(kind, 0, k, s, p, 1, 1, false);
        }

        static Desc linear(int out, boolean bias) {
            return new Desc("linear", out, 1, 1, 0, 1, 1, bias);
        }

        static Desc plain(String kind) {
            return new Desc(kind, 0, 1, 1, 0, 1, 1, false);
        }

        boolean conv() {
            return kind.equals("conv");
        }

        boolean pool() {
            return kind.equals("maxpool") || kind.equals("avgpool");
        }

        int span() {
            return d * (k - 1) + 1;
        }

        String describe() {
            return switch (kind) {
                case "conv" -> "conv(" + out + ",k" + k + (s != 1 ? ",s" + s : "") + (p != 0 ? ",p" + p : "")
                        + (d != 1 ? ",d" + d : "") + (g != 1 ? ",g" + g : "") + (bias ? "" : ",no bias") + ")";
                case "maxpool", "avgpool" -> kind + "(k" + k + ",s" + s + (p != 0 ? ",p" + p : "") + ")";
                case "linear" -> "linear(" + out + (bias ? "" : ",no bias") + ")";
                default -> kind;
            };
        }

        Desc withDilation(int dilation) {
            return new Desc(kind, out, k, s, p, dilation, g, bias);
        }

        Desc withStride(int stride) {
            return new Desc(kind, out, k, stride, p, d, g, bias);
        }

        Desc withPadding(int padding) {
            return new Desc(kind, out, k, s, padding, d, g, bias);
        }

        Desc withGroups(int groups) {
            return new Desc(kind, out, k, s, p, d, groups, bias);
        }

        Desc withBias(boolean b) {
            return new Desc(kind, out, k, s, p, d, g, b);
        }
    }

    /** A layer list on an input shape. */
    record Stack(String name, List<Desc> layers, int[] input) {
        String describe() {
            return format(input) + ": "
                    + String.join(", ", layers.stream().map(Desc::describe).toList());
        }

        Stack map(UnaryOperator<Desc> f) {
            return new Stack(name, layers.stream().map(f).toList(), input);
        }
    }

    /** What the reference says about a stack. */
    record Reference(int[] shape, int receptiveField, long parameters, long multiplyAdds) {
    }

    @Override
    public String id() {
        return "09-cnn-arithmetic";
    }

    @Override
    public String title() {
        return "CNN arithmetic: shapes, receptive field, parameters, multiply-adds";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(ARITHMETIC, DESC);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 5.0, Part.EDGE_CASES, 5.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng rng = g.rng("stacks");
        for (int i = 1; i <= RANDOM_STACKS; i++) {
            Stack s = randomStack(rng, "random stack " + i);
            String name = s.name() + " (" + s.describe() + ")";
            g.check(Part.FORWARD, name + ": output shape", () -> shape(code, s));
            Stack spatial = spatialPart(s);
            g.check(Part.FORWARD, s.name() + ": receptive field of its " + spatial.layers().size()
                    + " spatial layers", () -> receptiveField(code, spatial));
            g.check(Part.FORWARD, s.name() + ": parameters", () -> parameters(code, s));
            g.check(Part.FORWARD, s.name() + ": multiply-adds", () -> multiplyAdds(code, s));
        }
        courseNumbers(g, code);
        edgeCases(g, code, g.rng("edge cases"));
        return g.finish(null);
    }

    // ---------------------------------------------------------------- cases

    private static void courseNumbers(Grading g, StudentCode code) {
        Stack vgg = vgg16();
        Stack features = new Stack("VGG16 features", vgg.layers().subList(0, vgg.layers().size() - 6), vgg.input());
        g.check(Part.EDGE_CASES, "VGG16: 138,357,544 parameters",
                () -> expectCount("parameters", code, vgg, VGG16_PARAMETERS, "parameters", parameterMistakes(vgg)));
        g.check(Part.EDGE_CASES, "VGG16: 15,470,264,320 multiply-adds", () -> expectCount("multiplyAdds", code, vgg,
                VGG16_MULTIPLY_ADDS, "multiply-adds", multiplyAddMistakes(vgg)));
        g.check(Part.EDGE_CASES, "VGG16: receptive field 212 after the last pooling layer", () -> expectField(code,
                features, VGG16_RECEPTIVE_FIELD));
        g.check(Part.EDGE_CASES, "VGG16: output shape [1000]", () -> shape(code, vgg));

        List<Stack> naive = inceptionNaive();
        List<Stack> reduced = inceptionReduced();
        g.check(Part.EDGE_CASES, "Inception naive on 256×32×32: 1,088,924 parameters",
                () -> moduleCount(code, naive, "parameters", INCEPTION_NAIVE_PARAMETERS));
        g.check(Part.EDGE_CASES, "Inception naive on 256×32×32: 1,114,636,288 multiply-adds",
                () -> moduleCount(code, naive, "multiplyAdds", INCEPTION_NAIVE_MULTIPLY_ADDS));
        g.check(Part.EDGE_CASES, "Inception with 1×1 reductions: 345,692 parameters",
                () -> moduleCount(code, reduced, "parameters", INCEPTION_REDUCED_PARAMETERS));
        g.check(Part.EDGE_CASES, "Inception with 1×1 reductions: 353,370,112 multiply-adds",
                () -> moduleCount(code, reduced, "multiplyAdds", INCEPTION_REDUCED_MULTIPLY_ADDS));
        g.check(Part.EDGE_CASES, "Inception branches keep 32×32 (668 and 476 channels concatenated)", () -> {
            for (Stack branch : concat(naive, reduced)) {
                Verdict v = shape(code, branch);
                if (!v.passed()) {
                    return Verdict.fail(branch.name() + ": " + v.message(), v.diagnosis());
                }
            }
            return Verdict.pass("every branch keeps 32×32");
        });
    }

    private static void edgeCases(Grading g, StudentCode code, Rng rng) {
        Stack dilated = dilatedStack(rng);
        g.check(Part.EDGE_CASES, "dilated convolutions (" + dilated.describe() + "): receptive field",
                () -> receptiveField(code, dilated));
        g.check(Part.EDGE_CASES, "dilated convolutions: output shape", () -> shape(code, dilated));

        Stack separable = separableStack(rng);
        g.check(Part.EDGE_CASES, "depthwise separable convolution (" + separable.describe() + "): parameters",
                () -> parameters(code, separable));
        g.check(Part.EDGE_CASES, "depthwise separable convolution: multiply-adds", () -> multiplyAdds(code, separable));

        int c = 1 + rng.nextInt(8);
        Stack noBias = new Stack("convolutions without bias", List.of(Desc.conv(4 + rng.nextInt(12), 3, 1, 1, 1, 1,
                false), Desc.plain("relu"), Desc.conv(2 + rng.nextInt(6), 1 + 2 * rng.nextInt(2), 1, 0, 1, 1, false)),
                new int[] {c, 6 + rng.nextInt(10), 6 + rng.nextInt(10)});
        g.check(Part.EDGE_CASES, "convolutions without bias (" + noBias.describe() + "): parameters",
                () -> parameters(code, noBias));

        int k = 2 + rng.nextInt(2);
        Stack padded = new Stack("padded pooling", List.of(Desc.pool("maxpool", k, 1 + rng.nextInt(2), 1),
                Desc.pool("avgpool", 3, 2, 1)), new int[] {1 + rng.nextInt(4), 7 + rng.nextInt(9), 7 + rng.nextInt(9)});
        g.check(Part.EDGE_CASES, "padded pooling (" + padded.describe() + "): output shape", () -> shape(code, padded));
    }

    /** Non-square input, 2–5 spatial layers (at least one conv), then flatten + linear layers two times in three. */
    static Stack randomStack(Rng rng, String name) {
        int groupsCap = 1 + rng.nextInt(3);
        int c = groupsCap * (1 + rng.nextInt(3));
        int[] input = {c, 12 + rng.nextInt(29), 12 + rng.nextInt(29)};
        List<Desc> layers = new ArrayList<>();
        int[] shape = input.clone();
        int spatial = 2 + rng.nextInt(4);
        for (int i = 0; i < spatial; i++) {
            int pick = i == 0 ? 0 : rng.nextInt(10);
            Desc d;
            if (pick < 6) {
                int k = new int[] {1, 2, 3, 3, 5}[rng.nextInt(5)];
                int dil = k > 1 && rng.nextInt(3) == 0 ? 2 + rng.nextInt(2) : 1;
                int groups = divisor(rng, shape[0]);
                int out = groups * (1 + rng.nextInt(6));
                int span = dil * (k - 1) + 1;
                d = Desc.conv(out, k, 1 + rng.nextInt(2), rng.nextInt(span / 2 + 1), dil, groups, rng.nextInt(4) != 0);
            } else if (pick < 8) {
                int k = 2 + rng.nextInt(2);
                d = Desc.pool(rng.nextInt(2) == 0 ? "maxpool" : "avgpool", k, 1 + rng.nextInt(k),
                        rng.nextInt(3) == 0 ? rng.nextInt(k / 2 + 1) : 0);
            } else {
                d = Desc.plain("relu");
            }
            if (d.span() > Math.min(shape[1], shape[2]) + 2 * d.p()) {
                d = Desc.plain("relu"); // the window would not fit: keep the stack valid
            }
            layers.add(d);
            shape = reference(new Stack(name, layers, input)).shape();
        }
        if (rng.nextInt(3) != 0) {
            layers.add(Desc.plain("flatten"));
            layers.add(Desc.linear(2 + rng.nextInt(30), rng.nextInt(4) != 0));
            if (rng.nextInt(2) == 0) {
                layers.add(Desc.plain("relu"));
                layers.add(Desc.linear(2 + rng.nextInt(10), true));
            }
        }
        return new Stack(name, List.copyOf(layers), input);
    }

    /** A divisor of n (1 most often): the groups of a conv on n channels. */
    private static int divisor(Rng rng, int n) {
        List<Integer> ds = new ArrayList<>();
        for (int d = 2; d <= n; d++) {
            if (n % d == 0) {
                ds.add(d);
            }
        }
        return ds.isEmpty() || rng.nextInt(2) == 0 ? 1 : ds.get(rng.nextInt(ds.size()));
    }

    private static Stack spatialPart(Stack s) {
        int end = 0;
        while (end < s.layers().size() && (s.layers().get(end).conv() || s.layers().get(end).pool()
                || s.layers().get(end).kind().equals("relu"))) {
            end++;
        }
        return new Stack(s.name(), s.layers().subList(0, end), s.input());
    }

    /** Three 3×3 (or 5×5) convolutions with growing dilations, padded to keep the size. */
    private static Stack dilatedStack(Rng rng) {
        int k = rng.nextInt(3) == 0 ? 5 : 3;
        List<Desc> layers = new ArrayList<>();
        int dilation = 1;
        for (int i = 0; i < 3; i++) {
            layers.add(Desc.conv(4, k, 1, dilation * (k - 1) / 2 - rng.nextInt(2), dilation, 1, true));
            layers.add(Desc.plain("relu"));
            dilation *= 2;
        }
        return new Stack("dilated", layers, new int[] {2 + rng.nextInt(3), 24 + rng.nextInt(9), 24 + rng.nextInt(9)});
    }

    /** A depthwise 3×3 conv (groups = channels) followed by a pointwise 1×1 conv. */
    private static Stack separableStack(Rng rng) {
        int c = 4 * (1 + rng.nextInt(8));
        int multiplier = 1 + rng.nextInt(2);
        return new Stack("separable", List.of(Desc.conv(c * multiplier, 3, 1 + rng.nextInt(2), 1, 1, c, true),
                Desc.conv(8 + rng.nextInt(57), 1, 1, 0, 1, 1, true)),
                new int[] {c, 8 + rng.nextInt(25), 8 + rng.nextInt(25)});
    }

    /** torchvision's VGG16 without its dropouts (which change no number here). */
    static Stack vgg16() {
        List<Desc> layers = new ArrayList<>();
        for (int width : new int[] {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0}) {
            if (width == 0) {
                layers.add(Desc.pool("maxpool", 2, 2, 0));
            } else {
                layers.add(Desc.conv(width, 3, 1));
                layers.add(Desc.plain("relu"));
            }
        }
        layers.add(Desc.plain("flatten"));
        layers.addAll(List.of(Desc.linear(4096, true), Desc.plain("relu"), Desc.linear(4096, true),
                Desc.plain("relu"), Desc.linear(1000, true)));
        return new Stack("VGG16", List.copyOf(layers), new int[] {3, 224, 224});
    }

    static List<Stack> inceptionNaive() {
        return List.of(branch("1×1", Desc.conv(124, 1, 0)), branch("3×3", Desc.conv(192, 3, 1)),
                branch("5×5", Desc.conv(96, 5, 2)), branch("pool", Desc.pool("maxpool", 3, 1, 1)));
    }

    static List<Stack> inceptionReduced() {
        return List.of(branch("1×1", Desc.conv(124, 1, 0)),
                branch("1×1 → 3×3", Desc.conv(64, 1, 0), Desc.plain("relu"), Desc.conv(192, 3, 1)),
                branch("1×1 → 5×5", Desc.conv(64, 1, 0), Desc.plain("relu"), Desc.conv(96, 5, 2)),
                branch("pool → 1×1", Desc.pool("maxpool", 3, 1, 1), Desc.conv(64, 1, 0)));
    }

    private static Stack branch(String name, Desc... layers) {
        return new Stack("branch " + name, List.of(layers), INCEPTION_INPUT.clone());
    }

    private static List<Stack> concat(List<Stack> a, List<Stack> b) {
        List<Stack> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------- reference

    /**
     * The stack through {@link ModelSummary}. A padded pooling has no LayerSpec; its window has the
     * geometry of a depthwise convolution with the same kernel, stride and padding, which stands in
     * for it (its parameters and multiply-adds are not counted).
     */
    static Reference reference(Stack s) {
        List<LayerSpec> specs = new ArrayList<>();
        List<Boolean> counted = new ArrayList<>();
        int[] shape = s.input().clone();
        for (Desc d : s.layers()) {
            LayerSpec spec = switch (d.kind()) {
                case "conv" -> new LayerSpec.Conv(shape[0], d.out(), d.k(), d.s(), d.p(), d.d(), d.g(), d.bias());
                case "maxpool", "avgpool" -> d.p() == 0 ? LayerSpec.maxPool2d(d.k(), d.s())
                        : new LayerSpec.Conv(shape[0], shape[0], d.k(), d.s(), d.p(), 1, shape[0], false);
                case "linear" -> new LayerSpec.LinearSpec(shape[shape.length - 1], d.out(), d.bias());
                case "flatten" -> LayerSpec.flatten();
                case "relu" -> LayerSpec.relu();
                default -> throw new IllegalArgumentException(d.kind());
            };
            specs.add(spec);
            counted.add(!d.pool());
            shape = spec.outputShape(shape);
        }
        ModelSummary summary = ModelSummary.of(specs, s.input());
        long params = 0;
        long macs = 0;
        for (ModelSummary.Row r : summary.rows()) {
            if (counted.get(r.index())) {
                params += r.parameters();
                macs += r.multAdds();
            }
        }
        int rf = 1;
        if (!summary.rows().isEmpty()) {
            ModelSummary.ReceptiveField last = summary.rows().get(summary.rows().size() - 1).receptiveField();
            rf = last == null ? -1 : last.size();
        }
        return new Reference(summary.outputShape(), rf, params, macs);
    }

    /** The reference of a transformed stack, or null when the transformed stack is not valid. */
    private static Reference referenceOrNull(Stack s) {
        try {
            return reference(s);
        } catch (IllegalArgumentException invalid) { // incl. ShapeMismatchException: the window no longer fits
            return null;
        }
    }

    // ---------------------------------------------------------------- mistakes

    private static Map<String, Long> parameterMistakes(Stack s) {
        Map<String, Long> m = new LinkedHashMap<>();
        put(m, "parameters without the biases: a conv or linear layer with bias has one more parameter per output"
                + " channel/feature", s.map(d -> d.withBias(false)), Reference::parameters);
        put(m, "groups ignored: a grouped conv's filters see only inC/groups input channels",
                s.map(d -> d.withGroups(1)), Reference::parameters);
        return m;
    }

    private static Map<String, Long> multiplyAddMistakes(Stack s) {
        Map<String, Long> m = new LinkedHashMap<>();
        put(m, "groups ignored: each output of a grouped conv sums over only inC/groups input channels",
                s.map(d -> d.withGroups(1)), Reference::multiplyAdds);
        Reference r = referenceOrNull(s);
        if (r != null) {
            m.putIfAbsent("bias additions counted: multiply-adds count only the products of inputs and weights",
                    r.multiplyAdds() + biasAdds(s));
        }
        return m;
    }

    private static Map<String, Long> fieldMistakes(Stack s) {
        Map<String, Long> m = new LinkedHashMap<>();
        put(m, "receptive field ignores dilation: a dilated kernel spans d·(k − 1) + 1 input pixels",
                s.map(d -> d.withDilation(1)), r -> (long) r.receptiveField());
        put(m, "receptive field ignores the jump: after a stride-s layer every further kernel step covers s times"
                + " more input pixels", s.map(d -> d.withStride(1).withPadding(d.span())),
                r -> (long) r.receptiveField());
        return m;
    }

    private static Map<String, int[]> shapeMistakes(Stack s) {
        Map<String, int[]> m = new LinkedHashMap<>();
        Reference dilation = referenceOrNull(s.map(d -> d.withDilation(1)));
        if (dilation != null) {
            m.put("output size ignores dilation: the window spans d·(k − 1) + 1 pixels", dilation.shape());
        }
        Reference padding = referenceOrNull(s.map(d -> d.withPadding(0)));
        if (padding != null) {
            m.put("output size ignores padding: add 2·padding to the input size", padding.shape());
        }
        return m;
    }

    private static void put(Map<String, Long> m, String name, Stack variant,
            java.util.function.ToLongFunction<Reference> what) {
        Reference r = referenceOrNull(variant);
        if (r != null) {
            m.putIfAbsent(name, what.applyAsLong(r));
        }
    }

    /** One addition per output element of every conv and linear layer with a bias. */
    private static long biasAdds(Stack s) {
        long adds = 0;
        for (int i = 0; i < s.layers().size(); i++) {
            if (s.layers().get(i).bias()) {
                int[] out = reference(new Stack(s.name(), s.layers().subList(0, i + 1), s.input())).shape();
                adds += Arrays.stream(out).asLongStream().reduce(1, (a, b) -> a * b);
            }
        }
        return adds;
    }

    // ---------------------------------------------------------------- checks

    private static Verdict shape(StudentCode code, Stack s) {
        int[] want = reference(s).shape();
        int[] got = student(code, "outputShape", s, int[].class, true);
        if (Arrays.equals(want, got)) {
            return Verdict.pass("output shape " + Arrays.toString(got));
        }
        String diagnosis = null;
        for (Map.Entry<String, int[]> e : shapeMistakes(s).entrySet()) {
            if (Arrays.equals(e.getValue(), got) && !Arrays.equals(e.getValue(), want)) {
                diagnosis = e.getKey();
                break;
            }
        }
        return Verdict.fail("output shape: expected " + Arrays.toString(want) + ", got " + Arrays.toString(got),
                diagnosis);
    }

    private static Verdict receptiveField(StudentCode code, Stack s) {
        return expectField(code, s, reference(s).receptiveField());
    }

    private static Verdict expectField(StudentCode code, Stack s, int want) {
        int got = student(code, "receptiveField", s, Integer.class, false);
        return judgeCount("receptive field", want, got, fieldMistakes(s));
    }

    private static Verdict parameters(StudentCode code, Stack s) {
        return expectCount("parameters", code, s, reference(s).parameters(), "parameters", parameterMistakes(s));
    }

    private static Verdict multiplyAdds(StudentCode code, Stack s) {
        return expectCount("multiplyAdds", code, s, reference(s).multiplyAdds(), "multiply-adds",
                multiplyAddMistakes(s));
    }

    private static Verdict expectCount(String method, StudentCode code, Stack s, long want, String what,
            Map<String, Long> mistakes) {
        long got = student(code, method, s, Long.class, true);
        return judgeCount(what, want, got, mistakes);
    }

    /**
     * A whole module: the sum over its branches, each given to the student's method on its own. A
     * mistake's total takes its value in the branches where it shows and the right value elsewhere.
     */
    private static Verdict moduleCount(StudentCode code, List<Stack> branches, String method, long want) {
        boolean params = method.equals("parameters");
        long got = 0;
        List<Map<String, Long>> perBranch = new ArrayList<>();
        for (Stack b : branches) {
            got += student(code, method, b, Long.class, true);
            perBranch.add(params ? parameterMistakes(b) : multiplyAddMistakes(b));
        }
        Map<String, Long> mistakes = new LinkedHashMap<>();
        perBranch.forEach(m -> m.keySet().forEach(name -> mistakes.put(name, 0L)));
        for (int i = 0; i < branches.size(); i++) {
            Reference r = reference(branches.get(i));
            long right = params ? r.parameters() : r.multiplyAdds();
            Map<String, Long> own = perBranch.get(i);
            mistakes.replaceAll((name, total) -> total + own.getOrDefault(name, right));
        }
        return judgeCount((params ? "parameters" : "multiply-adds") + " (sum over the branches)", want, got,
                mistakes);
    }

    private static Verdict judgeCount(String what, long want, long got, Map<String, Long> mistakes) {
        if (want == got) {
            return Verdict.pass(what + " " + ModelSummary.grouped(got));
        }
        String diagnosis = null;
        for (Map.Entry<String, Long> e : mistakes.entrySet()) {
            if (e.getValue() == got && e.getValue() != want) {
                diagnosis = e.getKey();
                break;
            }
        }
        return Verdict.fail(what + ": expected " + ModelSummary.grouped(want) + ", got " + ModelSummary.grouped(got),
                diagnosis);
    }

    /**
     * The student's method on the stack's layers as cnn.LayerDesc objects (built in the check, so a
     * broken LayerDesc fails it); its result must be of type {@code type}.
     */
    private static <T> T student(StudentCode code, String method, Stack s, Class<T> type, boolean withInput) {
        List<Object> layers = new ArrayList<>();
        for (Desc d : s.layers()) {
            layers.add(code.construct(DESC, Object.class, d.kind(), d.out(), d.k(), d.s(), d.p(), d.d(), d.g(),
                    d.bias()));
        }
        int[] input = s.input().clone();
        Object result = withInput
                ? code.callStatic(ARITHMETIC, method, new Class<?>[] {List.class, int[].class}, layers, input)
                : code.callStatic(ARITHMETIC, method, new Class<?>[] {List.class}, layers);
        if (withInput && !Arrays.equals(input, s.input())) {
            throw new StudentFault(method + " changed the inputChw array it was given", false, false, null);
        }
        if (!type.isInstance(result)) {
            throw new StudentFault(ARITHMETIC + "." + method + " returned " + (result == null ? "null"
                    : "a " + result.getClass().getSimpleName()), false, false, null);
        }
        return type.cast(result);
    }

    /** "3×17×23" for a shape. */
    static String format(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }
}
