package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gradlab.check.KinkException;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.ELU;
import org.gradlab.engine.nn.LeakyReLU;
import org.gradlab.engine.nn.LogSoftmax;
import org.gradlab.engine.nn.Maxout;
import org.gradlab.engine.nn.PReLU;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.engine.nn.Sigmoid;
import org.gradlab.engine.nn.Softmax;
import org.gradlab.engine.nn.Tanh;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentInstance;
import org.gradlab.grader.spec.Verdict;

/**
 * 03-activations: nine activation layers, each judged by {@link LayerOracle} on a random 2-d
 * batch and a random 4-d batch of one, with random hyper-parameters (slopes, alpha, dim — negative
 * ones included —, pieces); then the inputs that break naive code: sigmoid and tanh at ±800,
 * (log-)softmax at logits of ±1000, and the ReLU family at inputs exactly 0, where PyTorch's
 * convention (the x ≤ 0 branch) decides the gradient.
 */
public final class ActivationsExercise implements ExerciseSpec {
    private static final String PACKAGE = "activations.";
    private static final List<String> KINDS = List.of("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "PReLU", "ELU",
            "Softmax", "LogSoftmax", "Maxout");
    private static final int MAX_DRAWS = 20;

    @Override
    public String id() {
        return "03-activations";
    }

    @Override
    public String title() {
        return "Activation functions";
    }

    @Override
    public List<String> studentClasses() {
        return KINDS.stream().map(k -> PACKAGE + k).toList();
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.0, Part.PARAMETER_GRADIENTS, 1.0,
                Part.EDGE_CASES, 2.0, Part.STATEFUL_INVARIANTS, 1.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        for (String kind : KINDS) {
            Rng rng = g.rng(kind); // one stream per class: each class's cases stay put when another's change
            randomCase(g, code, kind, rng, false);
            randomCase(g, code, kind, rng, true);
        }
        preluInitialSlope(g, code, g.rng("PReLU init"));
        Rng edges = g.rng("edge cases");
        saturation(g, code, "Sigmoid", new Sigmoid(), edges);
        saturation(g, code, "Tanh", new Tanh(), edges);
        hugeLogits(g, code, "Softmax", edges);
        hugeLogits(g, code, "LogSoftmax", edges);
        exactZeros(g, code, edges);
        return g.finish("");
    }

    // ---------------------------------------------------------------- random cases

    /** A layer drawn with its hyper-parameters, as the student's class and the reference. */
    private record Drawn(String label, Object[] args, Layer reference, int[] shape) {
    }

    /**
     * One random case of {@code kind}: a 2-d batch (N ≥ 2) or a 4-d batch of one, input redrawn
     * while the reference has a kink within the numeric step of it (ReLU family near 0, Maxout ties).
     */
    private static void randomCase(Grading g, StudentCode code, String kind, Rng rng, boolean fourD) {
        Drawn d = draw(kind, rng, fourD);
        Tensor x = null;
        Tensor gradOut = null;
        for (int attempt = 0; x == null; attempt++) {
            if (attempt == MAX_DRAWS) {
                throw new IllegalStateException("grader bug: no smooth input for " + d.label + " in " + MAX_DRAWS
                        + " draws");
            }
            Tensor candidate = Tensor.randn(rng, d.shape);
            Tensor go = Tensor.randn(rng, d.reference.forward(candidate.copy()).shape());
            try {
                LayerOracle.requireSmooth(d.reference, candidate, go);
                x = candidate;
                gradOut = go;
            } catch (KinkException kink) {
                // a probe straddles a kink: draw again
            }
        }
        String caseName = (fourD ? "4-d, batch 1 " : "2-d ") + shape(d.shape);
        Layer student = new StudentInstance(code, PACKAGE + kind, d.args).layer();
        LayerOracle.Case c = new LayerOracle.Case(caseName, x, gradOut, inputDiagnosis(kind, d, x, gradOut),
                parameterDiagnosis(d, x, gradOut));
        LayerOracle.judge(g, d.label, student, d.reference, c, !fourD);
    }

    private static Drawn draw(String kind, Rng rng, boolean fourD) {
        int n = fourD ? 1 : 2 + rng.nextInt(3);
        int channels = fourD ? 2 + rng.nextInt(2) : 2 + rng.nextInt(5);
        int[] spatial = fourD ? new int[] {2 + rng.nextInt(2), 2 + rng.nextInt(3)} : new int[0];
        return switch (kind) {
            case "Sigmoid" -> new Drawn(kind, new Object[0], new Sigmoid(), shape(n, channels, spatial));
            case "Tanh" -> new Drawn(kind, new Object[0], new Tanh(), shape(n, channels, spatial));
            case "ReLU" -> new Drawn(kind, new Object[0], new ReLU(), shape(n, channels, spatial));
            case "LeakyReLU" -> {
                double slope = rng.uniform(0.01, 0.3);
                yield new Drawn("LeakyReLU(negative_slope=" + format(slope) + ")", new Object[] {slope},
                        new LeakyReLU(slope), shape(n, channels, spatial));
            }
            case "ELU" -> {
                double alpha = rng.uniform(0.5, 2);
                yield new Drawn("ELU(alpha=" + format(alpha) + ")", new Object[] {alpha}, new ELU(alpha),
                        shape(n, channels, spatial));
            }
            case "PReLU" -> {
                int slopes = rng.uniform() < 0.5 ? 1 : channels;
                PReLU ref = new PReLU(slopes);
                // random slopes, not the initial 0.25, so a hard-coded slope cannot pass
                ref.weight().value().copyFrom(Tensor.uniform(rng, 0.05, 0.6, slopes));
                yield new Drawn("PReLU(num_parameters=" + slopes + ")", new Object[] {slopes}, ref,
                        shape(n, channels, spatial));
            }
            case "Softmax", "LogSoftmax" -> {
                int[] s = shape(n, channels, spatial);
                int dim = wideAxis(s, rng);
                if (rng.uniform() < 0.5) {
                    dim -= s.length; // the same axis counted from the end
                }
                Layer ref = kind.equals("Softmax") ? new Softmax(dim) : new LogSoftmax(dim);
                yield new Drawn(kind + "(dim=" + dim + ")", new Object[] {dim}, ref, s);
            }
            case "Maxout" -> {
                int pieces = 2 + rng.nextInt(2);
                int groups = 1 + rng.nextInt(2);
                yield new Drawn("Maxout(pieces=" + pieces + ")", new Object[] {pieces}, new Maxout(pieces),
                        shape(n, groups * pieces, spatial));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** An axis of size ≥ 2, so the (log-)softmax along it is not trivially constant. */
    private static int wideAxis(int[] shape, Rng rng) {
        while (true) {
            int axis = rng.nextInt(shape.length);
            if (shape[axis] >= 2) {
                return axis;
            }
        }
    }

    /** The input gradient each layer's typical mistakes would give on this case. */
    private static MistakeDiagnosis inputDiagnosis(String kind, Drawn d, Tensor x, Tensor g) {
        MistakeDiagnosis m = new MistakeDiagnosis().factor("2", 2);
        Tensor y = d.reference.forward(x.copy());
        switch (kind) {
            case "Sigmoid" -> m.variant("σ' evaluated at the input, x(1 − x), instead of σ(x)(1 − σ(x))",
                    g.mul(x).mul(x.rsub(1)));
            case "Tanh" -> m.variant("tanh' evaluated at the input, 1 − x², instead of 1 − tanh²(x)",
                    g.mul(x.square().rsub(1)));
            case "ELU" -> m.variant("ELU' for x ≤ 0 taken as the output alpha·(e^x − 1) instead of alpha·e^x",
                    Tensor.where(x.gt(0), g, g.mul(y)));
            case "Softmax" -> m.variant("softmax backward without the −Σ(g·y) term (only y ⊙ g)", y.mul(g));
            case "LogSoftmax" -> m.variant("log-softmax backward without the softmax term (gradOutput passed"
                    + " through)", g.copy());
            default -> {
            }
        }
        return m;
    }

    /** PReLU's weight gradient: per-sample instead of summed, or summed over the x > 0 elements as well. */
    private static MistakeDiagnosis parameterDiagnosis(Drawn d, Tensor x, Tensor g) {
        MistakeDiagnosis m = new MistakeDiagnosis().factor("the batch size", x.size(0)).factor("2", 2);
        if (d.reference instanceof PReLU p) {
            int slopes = p.weight().value().numel();
            int[] target = new int[x.dim()];
            Arrays.fill(target, 1);
            if (slopes > 1) {
                target[1] = slopes;
            }
            m.variant("PReLU weight gradient summed over every element, also where x > 0 (use only x ≤ 0)",
                    x.mul(g).sumTo(target).reshape(slopes));
        }
        return m;
    }

    /** A fresh PReLU must start with every slope at 0.25 (PyTorch's init): forward with the initial weight. */
    private static void preluInitialSlope(Grading g, StudentCode code, Rng rng) {
        int slopes = 2 + rng.nextInt(3);
        Tensor x = Tensor.randn(rng, 2, slopes, 3);
        Tensor want = new PReLU(slopes).forward(x.copy());
        g.check(Part.FORWARD, "PReLU(num_parameters=" + slopes + ") starts with every slope at 0.25", () -> {
            Layer student = new StudentInstance(code, PACKAGE + "PReLU", slopes).layer();
            return Verdict.of(TensorComparison.compare("output with the initial weight", want,
                    student.forward(x.copy()), LayerOracle.RTOL, LayerOracle.ATOL));
        });
    }

    // ---------------------------------------------------------------- edge cases

    /** Inputs of ±800 and beyond-saturation values: e^800 overflows, the result must not. */
    private static void saturation(Grading g, StudentCode code, String kind, Layer reference, Rng rng) {
        Tensor x = Tensor.of(new double[] {-800, -40, -rng.uniform(0.5, 2), 0, rng.uniform(0.5, 2), 40, 800}, 1, 7);
        edge(g, code, kind, new Object[0], reference, "inputs of ±40 and ±800", x, Tensor.randn(rng, 1, 7),
                new MistakeDiagnosis());
    }

    /**
     * Logits around +1000 in one row and −1000 in another, with one entry 2000 below its row's
     * maximum: e^1000 overflows and e^−1000 underflows unless the maximum is subtracted first.
     */
    private static void hugeLogits(Grading g, StudentCode code, String kind, Rng rng) {
        int cols = 3 + rng.nextInt(3);
        Tensor x = Tensor.randn(rng, 2, cols);
        for (int j = 0; j < cols; j++) {
            x.set(x.get(0, j) + 1000, 0, j);
            x.set(x.get(1, j) - 1000, 1, j);
        }
        x.set(-1000, 0, rng.nextInt(cols));
        int dim = rng.uniform() < 0.5 ? 1 : -1;
        Layer ref = kind.equals("Softmax") ? new Softmax(dim) : new LogSoftmax(dim);
        edge(g, code, kind, new Object[] {dim}, ref, "logits of ±1000, dim=" + dim, x, Tensor.randn(rng, 2, cols),
                new MistakeDiagnosis());
    }

    /**
     * Inputs exactly 0 among random ones: ReLU's gradient there is 0; LeakyReLU, PReLU and ELU take
     * their x ≤ 0 branch (slope, slope, alpha), as PyTorch does.
     */
    private static void exactZeros(Grading g, StudentCode code, Rng rng) {
        double slope = rng.uniform(0.05, 0.3);
        double alpha = rng.uniform() < 0.5 ? rng.uniform(0.3, 0.8) : rng.uniform(1.3, 2); // never 1
        int channels = 2 + rng.nextInt(2);
        PReLU prelu = new PReLU(channels);
        prelu.weight().value().copyFrom(Tensor.uniform(rng, 0.05, 0.6, channels));
        zeroCase(g, code, "ReLU", "", new Object[0], new ReLU(), rng, 2, 6);
        zeroCase(g, code, "LeakyReLU", "negative_slope=" + format(slope), new Object[] {slope}, new LeakyReLU(slope),
                rng, 2, 6);
        zeroCase(g, code, "PReLU", "num_parameters=" + channels, new Object[] {channels}, prelu, rng, 1, channels, 2,
                2);
        zeroCase(g, code, "ELU", "alpha=" + format(alpha), new Object[] {alpha}, new ELU(alpha), rng, 2, 6);
    }

    private static void zeroCase(Grading g, StudentCode code, String kind, String hyper, Object[] args,
            Layer reference, Rng rng, int... shape) {
        Tensor x = Tensor.randn(rng, shape);
        Tensor zeros = Tensor.zeros(shape);
        for (int i = 0; i < x.numel(); i++) {
            if (i == 0 || rng.uniform() < 1.0 / 3) { // about a third of the elements, the first always
                x.setFlat(i, 0.0);
                zeros.setFlat(i, 1.0);
            }
        }
        edge(g, code, kind, args, reference, "inputs exactly 0" + (hyper.isEmpty() ? "" : ", " + hyper), x,
                Tensor.randn(rng, shape),
                new MistakeDiagnosis().boundary("inputs exactly at 0", zeros));
    }

    /** Forward, input gradient and (PReLU) parameter gradients of one fixed input, scored as EDGE_CASES. */
    private static void edge(Grading g, StudentCode code, String kind, Object[] args, Layer reference, String name,
            Tensor x, Tensor gradOut, MistakeDiagnosis gradDiagnosis) {
        ModuleOracle.Case c = new ModuleOracle.Case(name).input("input", x).output("output", gradOut)
                .diagnoseOutput("output", new MistakeDiagnosis()).diagnoseGrad("input", gradDiagnosis)
                .part(Part.EDGE_CASES);
        ModuleOracle.Module student = LayerOracle.module(new StudentInstance(code, PACKAGE + kind, args).layer());
        ModuleOracle.judge(g, kind, student, LayerOracle.module(reference), c, false);
    }

    // ---------------------------------------------------------------- helpers

    private static int[] shape(int n, int channels, int[] spatial) {
        int[] s = new int[2 + spatial.length];
        s[0] = n;
        s[1] = channels;
        System.arraycopy(spatial, 0, s, 2, spatial.length);
        return s;
    }

    private static String shape(int[] s) {
        return Arrays.toString(s);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
