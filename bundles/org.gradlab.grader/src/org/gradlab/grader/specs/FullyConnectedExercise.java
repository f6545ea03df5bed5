package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.Linear;
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
 * 05-fully-connected: the student's {@code linear.Linear} against the reference Linear on a 2-d
 * batch of one, a 2-d batch with a square weight (where a transposed weight gradient has the right
 * shape and can be named) and a 3-d input, then inputs with no or several leading dimensions and
 * the 1 → 1 layer; then {@code linear.TwoLayerNet} built from the student's Linear (see
 * {@link TwoLayerNetChecks}).
 */
public final class FullyConnectedExercise implements ExerciseSpec {
    private static final String LINEAR = "linear.Linear";

    @Override
    public String id() {
        return "05-fully-connected";
    }

    @Override
    public String title() {
        return "Fully connected layer";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(LINEAR, TwoLayerNetChecks.NET);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 2.0, Part.PARAMETER_GRADIENTS, 3.0,
                Part.EDGE_CASES, 1.0, Part.STATEFUL_INVARIANTS, 1.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng rng = g.rng("cases");
        judge(g, code, rng, "2-d, batch 1", new int[] {1}, 2 + rng.nextInt(5), 2 + rng.nextInt(5), false);
        int d = 2 + rng.nextInt(4);
        judge(g, code, rng, "2-d, square weight", new int[] {2 + rng.nextInt(3)}, d, d, false);
        judge(g, code, rng, "3-d", new int[] {2 + rng.nextInt(2), 2 + rng.nextInt(2)}, 2 + rng.nextInt(4),
                2 + rng.nextInt(4), true);

        Rng edges = g.rng("edge cases");
        edge(g, code, edges, "1-d input (no batch dimension)", new int[0], 2 + edges.nextInt(4), 2 + edges.nextInt(4));
        edge(g, code, edges, "4-d input", new int[] {2, 2, 3}, 2 + edges.nextInt(3), 2 + edges.nextInt(3));
        edge(g, code, edges, "in_features = out_features = 1, batch 1", new int[] {1}, 1, 1);
        TwoLayerNetChecks.run(g, code);
        return g.finish("");
    }

    /** A reference Linear with weights from {@code rng} and the student's, built with the same arguments. */
    private static Layer[] pair(StudentCode code, Rng rng, int in, int out) {
        long init = (long) (rng.uniform() * (1L << 52));
        Layer reference = new Linear(in, out, new Rng(init));
        Layer student = new StudentInstance(code, LINEAR, in, out, new Rng(init)).layer();
        return new Layer[] {student, reference};
    }

    private static void judge(Grading g, StudentCode code, Rng rng, String name, int[] batch, int in, int out,
            boolean invariants) {
        Layer[] layers = pair(code, rng, in, out);
        Tensor x = Tensor.randn(rng, append(batch, in));
        Tensor gradOut = Tensor.randn(rng, append(batch, out));
        LayerOracle.Case c = new LayerOracle.Case(name + " " + Arrays.toString(x.shape()), x, gradOut,
                inputDiagnosis(layers[1], x, gradOut), parameterDiagnosis(x, gradOut, out));
        LayerOracle.judge(g, "Linear(" + in + ", " + out + ")", layers[0], layers[1], c, invariants);
    }

    private static void edge(Grading g, StudentCode code, Rng rng, String name, int[] batch, int in, int out) {
        Layer[] layers = pair(code, rng, in, out);
        Tensor x = Tensor.randn(rng, append(batch, in));
        Tensor gradOut = Tensor.randn(rng, append(batch, out));
        MistakeDiagnosis params = parameterDiagnosis(x, gradOut, out);
        ModuleOracle.Case c = new ModuleOracle.Case(name + " " + Arrays.toString(x.shape())).input("input", x)
                .output("output", gradOut).diagnoseGrad("input", inputDiagnosis(layers[1], x, gradOut))
                .diagnoseParameter("weight", params).diagnoseParameter("bias", params).part(Part.EDGE_CASES);
        ModuleOracle.judge(g, "Linear(" + in + ", " + out + ")", LayerOracle.module(layers[0]), LayerOracle.module(layers[1]),
                c, false);
    }

    /** Off by the batch size (or the row count) or 2, or x·… with Wᵀ where W belongs (square weights only). */
    private static MistakeDiagnosis inputDiagnosis(Layer reference, Tensor x, Tensor g) {
        MistakeDiagnosis m = common(x);
        Tensor w = reference.parameters().get(0).value();
        if (w.size(0) == w.size(1)) {
            Tensor rows = g.reshape(-1, w.size(0));
            m.variant("input gradient computed with Wᵀ instead of W (dx = g·W)", rows.matmul(w.t()).reshape(x.shape()));
        }
        return m;
    }

    /**
     * Off by the batch size or 2, transposed (generic, square weights), and a bias gradient that kept
     * one row of gradOutput instead of the sum over all rows.
     */
    private static MistakeDiagnosis parameterDiagnosis(Tensor x, Tensor g, int out) {
        MistakeDiagnosis m = common(x);
        Tensor rows = g.reshape(-1, out);
        if (rows.size(0) > 1) {
            String what = "bias gradient not summed over the batch: only the %s row of gradOutput counted; the bias"
                    + " is added to every row, so its gradient is the sum over all rows";
            m.variant(String.format(what, "first"), rows.select(0, 0));
            m.variant(String.format(what, "last"), rows.select(0, rows.size(0) - 1));
        }
        return m;
    }

    private static MistakeDiagnosis common(Tensor x) {
        MistakeDiagnosis m = new MistakeDiagnosis();
        if (x.dim() > 1 && x.size(0) > 1) {
            m.factor("the batch size", x.size(0));
        }
        int rows = x.numel() / x.size(x.dim() - 1);
        if (rows > 1 && (x.dim() == 1 || rows != x.size(0))) {
            m.factor("the number of rows (all leading dimensions)", rows);
        }
        return m.factor("2", 2);
    }

    private static int[] append(int[] batch, int last) {
        int[] s = Arrays.copyOf(batch, batch.length + 1);
        s[batch.length] = last;
        return s;
    }
}
