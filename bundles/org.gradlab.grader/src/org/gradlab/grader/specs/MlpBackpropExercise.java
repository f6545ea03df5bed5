package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gradlab.check.Comparison;
import org.gradlab.check.NumericGradient;
import org.gradlab.check.TensorComparison;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.loss.MSELoss;
import org.gradlab.engine.models.Sequential;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.Sigmoid;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.Verdict;

/**
 * 02-mlp-backprop: the student's hand-written backward of an L-layer sigmoid MLP with a linear
 * output layer and E = ½‖y_L − Y‖² ({@code mlp.ManualMlp}), judged against the same network built
 * from reference layers (Linear, Sigmoid, MSELoss(SUM)/2). FORWARD: the loss of random networks
 * (depth 1–5, every layer width 1–5, drawn from the seed). PARAMETER_GRADIENTS: [dA₁, db₁, …, dA_L,
 * db_L] of the same networks, with the numeric gradient of the student's own forward as second
 * oracle, and {@code mlp.VanishingGradients.gradientNormPerLayer} against the same computation on the
 * same random stream. EDGE_CASES: depth 1 (no sigmoid at all), width 1, saturated sigmoids, and the
 * vanishing gradient itself (layer 1's gradient ≥ 100× smaller than layer L's at depth ≥ 8).
 * STATEFUL_INVARIANTS: backward repeatable and not accumulating, operands untouched, backward
 * following the latest forward.
 */
public final class MlpBackpropExercise implements ExerciseSpec {
    static final String MLP = "mlp.ManualMlp";
    static final String VANISHING = "mlp.VanishingGradients";
    private static final double RTOL = LayerOracle.RTOL;
    private static final double ATOL = LayerOracle.ATOL;
    private static final int RANDOM_CASES = 3;
    /** At depth ≥ 8 layer 1's gradient must be at least this much smaller than layer L's. */
    static final double VANISHING_RATIO = 100;
    static final String SIGMOID_LAST = "sigmoid applied to the last layer too: the output layer y_L = A_L·y_{L−1} + b_L"
            + " is linear";
    static final String PRE_ACTIVATION = "σ'(z) computed as z(1 − z) from the pre-activation z; σ'(z) = σ(z)(1 − σ(z))"
            + " = y(1 − y) uses the layer's output y";

    /** A network with one sample: weights A_l (n_l, n_{l−1}), biases b_l, input x, target Y. */
    record Net(List<Tensor> weights, List<Tensor> biases, Tensor x, Tensor target) {
        int depth() {
            return weights.size();
        }

        String sizes() {
            StringBuilder sb = new StringBuilder().append(x.size(0));
            weights.forEach(a -> sb.append("→").append(a.size(0)));
            return sb.toString();
        }

        /** Fresh copies: what a student gets, so the originals show whether anything was changed. */
        List<Tensor> weightCopies() {
            return weights.stream().map(Tensor::copy).toList();
        }

        List<Tensor> biasCopies() {
            return biases.stream().map(Tensor::copy).toList();
        }

        /** Tensor {@code index} of the parameter list [A₁, b₁, …] replaced by {@code t}. */
        Net replacing(int index, Tensor t) {
            List<Tensor> w = new ArrayList<>(weights);
            List<Tensor> b = new ArrayList<>(biases);
            (index % 2 == 0 ? w : b).set(index / 2, t);
            return new Net(w, b, x, target);
        }

        Tensor parameter(int index) {
            return (index % 2 == 0 ? weights : biases).get(index / 2);
        }
    }

    /** The loss and the gradients [dA₁, db₁, …]. */
    record Result(double loss, List<Tensor> grads) {
    }

    @Override
    public String id() {
        return "02-mlp-backprop";
    }

    @Override
    public String title() {
        return "Backprop by hand for an L-layer sigmoid MLP";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(MLP, VANISHING);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 2.0, Part.PARAMETER_GRADIENTS, 4.0, Part.EDGE_CASES, 2.5,
                Part.STATEFUL_INVARIANTS, 1.5));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng rng = g.rng("networks");
        for (int i = 1; i <= RANDOM_CASES; i++) {
            // the first two have hidden layers, so every sigmoid mistake shows
            int depth = i == 1 ? 2 + rng.nextInt(2) : i == 2 ? 3 + rng.nextInt(3) : 1 + rng.nextInt(5);
            Net n = draw(rng, depth);
            String name = "random network " + i + " (" + n.sizes() + ")";
            g.check(Part.FORWARD, name + ": forward", () -> forward(code, n));
            g.check(Part.PARAMETER_GRADIENTS, name + ": backward", () -> backward(code, n));
        }
        Rng vanishing = g.rng("vanishing");
        for (int i = 1; i <= 2; i++) {
            int depth = 3 + vanishing.nextInt(4);
            int width = 2 + vanishing.nextInt(7);
            long stream = vanishing.nextInt(Integer.MAX_VALUE);
            g.check(Part.PARAMETER_GRADIENTS, "vanishing gradients: norms for depth " + depth + ", width " + width,
                    () -> norms(code, depth, width, stream));
        }

        Rng edges = g.rng("edge cases");
        Net one = draw(edges, 1);
        g.check(Part.EDGE_CASES, "depth 1 (" + one.sizes() + ", a linear layer, no sigmoid): forward and backward",
                () -> both(code, one));
        Net chain = draw(edges, constant(4, 1), 1.0);
        g.check(Part.EDGE_CASES, "width 1 (" + chain.sizes() + ", a chain of scalars): forward and backward",
                () -> both(code, chain));
        // enough units that some pre-activations are large: σ' is tiny there
        Net saturated = draw(edges, constant(3, 3 + edges.nextInt(3)), 6.0);
        g.check(Part.EDGE_CASES, "saturated sigmoids (" + saturated.sizes() + ", weights ×6): forward and backward",
                () -> both(code, saturated));
        int deep = 8 + edges.nextInt(5);
        int width = 4 + edges.nextInt(13);
        long stream = edges.nextInt(Integer.MAX_VALUE);
        g.check(Part.EDGE_CASES, "vanishing gradients: depth " + deep + ", width " + width + ", ‖dE/dA₁‖ at least "
                + (int) VANISHING_RATIO + "× smaller than ‖dE/dA_L‖", () -> vanishes(code, deep, width, stream));

        Rng state = g.rng("invariants");
        Net first = draw(state, 2 + state.nextInt(3));
        Net second = new Net(first.weights(), first.biases(), Tensor.randn(state, first.x().size(0)),
                Tensor.randn(state, first.target().size(0)));
        g.check(Part.STATEFUL_INVARIANTS, "backward twice: same gradients, nothing accumulated, operands untouched",
                () -> repeatable(code, first));
        g.check(Part.STATEFUL_INVARIANTS, "a second forward (new x and Y): backward follows the latest forward",
                () -> latest(code, first, second));
        return g.finish(null);
    }

    // ---------------------------------------------------------------- cases

    /** {@code depth} layers of random widths 1–5 (the input's too). */
    static Net draw(Rng rng, int depth) {
        int[] sizes = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            sizes[l] = 1 + rng.nextInt(5);
        }
        return draw(rng, sizes, 1.0);
    }

    /** A network of the given layer sizes n₀ … n_L, weights ~ N(0, 1)·0.8·{@code weightScale}. */
    static Net draw(Rng rng, int[] sizes, double weightScale) {
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            w.add(Tensor.randn(rng, sizes[l], sizes[l - 1]).mul(weightScale * 0.8));
            b.add(Tensor.randn(rng, sizes[l]).mul(0.5));
        }
        return new Net(List.copyOf(w), List.copyOf(b), Tensor.randn(rng, sizes[0]),
                Tensor.randn(rng, sizes[sizes.length - 1]));
    }

    /** {@code depth} layers of {@code width} units each. */
    private static int[] constant(int depth, int width) {
        int[] sizes = new int[depth + 1];
        Arrays.fill(sizes, width);
        return sizes;
    }

    // ---------------------------------------------------------------- reference and mistakes

    /** The same network from reference layers: Linear (+ Sigmoid but after the last), MSELoss(SUM)/2. */
    static Result reference(Net n) {
        List<Layer> layers = new ArrayList<>();
        List<Linear> linears = new ArrayList<>();
        for (int l = 0; l < n.depth(); l++) {
            Tensor a = n.weights().get(l);
            Linear lin = new Linear(DType.FLOAT64, a.size(1), a.size(0), true, new Rng(0));
            lin.weight().value().copyFrom(a);
            lin.bias().value().copyFrom(n.biases().get(l));
            layers.add(lin);
            linears.add(lin);
            if (l < n.depth() - 1) {
                layers.add(new Sigmoid());
            }
        }
        Sequential net = new Sequential(layers);
        MSELoss mse = new MSELoss(Reduction.SUM);
        Tensor out = net.forward(n.x().reshape(1, -1));
        double loss = 0.5 * mse.forward(out, n.target().reshape(1, -1));
        net.backward(mse.backward().mul(0.5));
        List<Tensor> grads = new ArrayList<>();
        for (Linear lin : linears) {
            grads.add(lin.weight().grad().copy());
            grads.add(lin.bias().grad().copy());
        }
        return new Result(loss, grads);
    }

    /**
     * What two known mistakes give, computed directly: σ on the output layer too (with a backward
     * consistent with it), or σ'(z) taken as z(1 − z).
     */
    static Result mistake(Net n, boolean sigmoidLast, boolean derivativeOfZ) {
        int depth = n.depth();
        List<Tensor> ys = new ArrayList<>(List.of(n.x()));
        List<Tensor> zs = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            Tensor z = n.weights().get(l).matmul(ys.get(l)).add(n.biases().get(l));
            zs.add(z);
            ys.add(l < depth - 1 || sigmoidLast ? sigmoid(z) : z);
        }
        Tensor out = ys.get(depth);
        double loss = 0.5 * out.sub(n.target()).square().sumAll();
        Tensor delta = out.sub(n.target());
        if (sigmoidLast) {
            delta = delta.mul(derivative(zs.get(depth - 1), out, derivativeOfZ));
        }
        Tensor[] grads = new Tensor[2 * depth];
        for (int l = depth; l >= 1; l--) {
            grads[2 * (l - 1)] = delta.unsqueeze(1).matmul(ys.get(l - 1).unsqueeze(0));
            grads[2 * (l - 1) + 1] = delta;
            if (l > 1) {
                delta = n.weights().get(l - 1).t().matmul(delta).mul(derivative(zs.get(l - 2), ys.get(l - 1),
                        derivativeOfZ));
            }
        }
        return new Result(loss, List.of(grads));
    }

    private static Tensor derivative(Tensor z, Tensor y, boolean ofZ) {
        return ofZ ? z.mul(z.rsub(1)) : y.mul(y.rsub(1));
    }

    private static Tensor sigmoid(Tensor z) {
        return z.neg().exp().add(1).reciprocal();
    }

    // ---------------------------------------------------------------- student calls

    private static Object construct(StudentCode code, Net n) {
        return code.construct(MLP, Object.class, n.weightCopies(), n.biasCopies());
    }

    private static double studentForward(StudentCode code, Object mlp, Net n) {
        Object v = code.call(mlp, "forward", n.x().copy(), n.target().copy());
        if (!(v instanceof Double d)) {
            throw new StudentFault("ManualMlp.forward must return a double", false, false, null);
        }
        return d;
    }

    private static List<Tensor> studentBackward(StudentCode code, Object mlp, int depth) {
        Object v = code.call(mlp, "backward");
        if (!(v instanceof List<?> list)) {
            throw new StudentFault("ManualMlp.backward must return a List<Tensor>, returned "
                    + (v == null ? "null" : "a " + v.getClass().getName()), false, false, null);
        }
        if (list.size() != 2 * depth) {
            throw new StudentFault("ManualMlp.backward returned " + list.size() + " tensors for " + depth
                    + " layers; expected 2·L = " + 2 * depth + ": [dA₁, db₁, …, dA_L, db_L]", false, false, null);
        }
        List<Tensor> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Tensor t)) {
                throw new StudentFault("ManualMlp.backward must return only Tensors, found "
                        + (o == null ? "null" : o.getClass().getName()), false, false, null);
            }
            out.add(t);
        }
        return out;
    }

    private static double[] studentNorms(StudentCode code, int depth, int width, long stream) {
        Object v = code.callStatic(VANISHING, "gradientNormPerLayer",
                new Class<?>[] {int.class, int.class, Rng.class}, depth, width, new Rng(stream));
        if (!(v instanceof double[] norms)) {
            throw new StudentFault("VanishingGradients.gradientNormPerLayer must return a double[]", false, false,
                    null);
        }
        return norms;
    }

    // ---------------------------------------------------------------- checks

    private static Verdict forward(StudentCode code, Net n) {
        double want = reference(n).loss();
        double got = studentForward(code, construct(code, n), n);
        if (close(want, got)) {
            return Verdict.pass("loss " + got + " matches");
        }
        String diagnosis = close(mistake(n, true, false).loss(), got) ? SIGMOID_LAST
                : close(2 * want, got) ? "the ½ of E = ½‖y_L − Y‖² is missing" : null;
        return Verdict.fail("loss: expected " + want + ", got " + got, diagnosis);
    }

    private static Verdict backward(StudentCode code, Net n) {
        List<Tensor> want = reference(n).grads();
        Object mlp = construct(code, n);
        studentForward(code, mlp, n);
        List<Tensor> got = studentBackward(code, mlp, n.depth());
        for (int i = 0; i < want.size(); i++) {
            Comparison c = TensorComparison.compare(gradName(i), want.get(i), got.get(i), RTOL, ATOL);
            if (!c.passed()) {
                int index = i;
                MistakeDiagnosis m = new MistakeDiagnosis().factor("2", 2)
                        .variant(SIGMOID_LAST, mistake(n, true, false).grads().get(i))
                        .variant(PRE_ACTIVATION, mistake(n, false, true).grads().get(i));
                return Verdict.fail(c.message() + ownNumeric(code, n, index, got.get(index)),
                        m.diagnose(want.get(i), got.get(i)));
            }
        }
        return Verdict.pass("all " + want.size() + " gradients match");
    }

    private static Verdict both(StudentCode code, Net n) {
        Verdict f = forward(code, n);
        if (!f.passed()) {
            return Verdict.fail("forward: " + f.message(), f.diagnosis());
        }
        Verdict b = backward(code, n);
        return b.passed() ? Verdict.pass("loss and gradients match") : Verdict.fail("backward: " + b.message(),
                b.diagnosis());
    }

    /**
     * The second oracle: the numeric gradient of the student's own forward for one parameter, each
     * probe a fresh ManualMlp. It tells a wrong backward from a wrong forward.
     */
    private static String ownNumeric(StudentCode code, Net n, int index, Tensor got) {
        try {
            Tensor numeric = NumericGradient.ofScalar(
                    p -> studentForward(code, construct(code, n.replacing(index, p)), n), n.parameter(index),
                    NumericGradient.DEFAULT_STEP);
            boolean agrees = got.sameShape(numeric) && got.allClose(numeric, 1e-4, 1e-6);
            return agrees ? "; it matches the numeric gradient of your own forward, so the forward is what differs"
                    : "; it does not match the numeric gradient of your own forward either";
        } catch (StudentFault e) {
            return "";
        }
    }

    private static Verdict norms(StudentCode code, int depth, int width, long stream) {
        double[] got = studentNorms(code, depth, width, stream);
        double[] want = referenceNorms(depth, width, stream);
        Tensor w = Tensor.vector(want);
        if (got.length != depth) {
            return Verdict.fail("returned " + got.length + " norms for " + depth + " layers");
        }
        Tensor a = Tensor.vector(got);
        double atol = 1e-10 * w.abs().maxAll();
        Comparison c = TensorComparison.compare("‖dE/dA_l‖ for l = 1 … " + depth, w, a, RTOL, atol);
        if (c.passed()) {
            return Verdict.of(c);
        }
        double[] reversed = new double[depth];
        for (int l = 0; l < depth; l++) {
            reversed[l] = want[depth - 1 - l];
        }
        String diagnosis = new MistakeDiagnosis()
                .variant("norms in reverse order: element 0 belongs to layer 1, next to the input",
                        Tensor.vector(reversed))
                .variant("squared norms: take the square root of the sum of squares", w.square())
                .diagnose(w, a);
        return Verdict.fail(c.message() + " (computed with your ManualMlp on standardNetwork(depth, width, rng):"
                + " a wrong backward shows here too)", diagnosis);
    }

    /** The vanishing-gradient experiment with reference layers, on the student's stream. */
    static double[] referenceNorms(int depth, int width, long stream) {
        Rng rng = new Rng(stream);
        double bound = 1 / Math.sqrt(width);
        List<Tensor> w = new ArrayList<>();
        List<Tensor> b = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            w.add(Tensor.uniform(rng, -bound, bound, width, width));
            b.add(Tensor.zeros(width));
        }
        Net n = new Net(w, b, Tensor.randn(rng, width), Tensor.randn(rng, width));
        List<Tensor> grads = reference(n).grads();
        double[] norms = new double[depth];
        for (int l = 0; l < depth; l++) {
            norms[l] = Math.sqrt(grads.get(2 * l).square().sumAll());
        }
        return norms;
    }

    private static Verdict vanishes(StudentCode code, int depth, int width, long stream) {
        double[] got = studentNorms(code, depth, width, stream);
        if (got.length != depth) {
            return Verdict.fail("returned " + got.length + " norms for " + depth + " layers");
        }
        for (double v : got) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return Verdict.fail("every norm must be positive and finite, got " + Arrays.toString(got));
            }
        }
        double ratio = got[depth - 1] / got[0];
        String shown = String.format(java.util.Locale.ROOT, "‖dE/dA₁‖ = %.3g, ‖dE/dA_%d‖ = %.3g (ratio %.3g)", got[0],
                depth, got[depth - 1], ratio);
        return ratio >= VANISHING_RATIO ? Verdict.pass(shown)
                : Verdict.fail(shown + ": the gradient should shrink toward the input");
    }

    private static Verdict repeatable(StudentCode code, Net n) {
        List<Tensor> weights = n.weightCopies();
        List<Tensor> biases = n.biasCopies();
        Object mlp = code.construct(MLP, Object.class, weights, biases);
        Tensor x = n.x().copy();
        Tensor target = n.target().copy();
        code.call(mlp, "forward", x, target);
        List<Tensor> once = studentBackward(code, mlp, n.depth()).stream().map(Tensor::copy).toList();
        List<Tensor> twice = studentBackward(code, mlp, n.depth());
        for (int i = 0; i < once.size(); i++) {
            Comparison c = TensorComparison.compare(gradName(i) + " of a second backward() call", once.get(i),
                    twice.get(i), RTOL, ATOL);
            if (!c.passed()) {
                return Verdict.fail(c.message() + " (backward must return the gradients of the last forward, not add"
                        + " them up)");
            }
        }
        for (int l = 0; l < n.depth(); l++) {
            if (!weights.get(l).allClose(n.weights().get(l), 0, 0) || !biases.get(l).allClose(n.biases().get(l), 0,
                    0)) {
                return Verdict.fail("forward or backward changed A_" + (l + 1) + " or b_" + (l + 1)
                        + " in place; compute into new tensors");
            }
        }
        if (!x.allClose(n.x(), 0, 0) || !target.allClose(n.target(), 0, 0)) {
            return Verdict.fail("forward or backward changed x or Y in place; compute into new tensors");
        }
        return Verdict.pass("gradients repeat, operands untouched");
    }

    private static Verdict latest(StudentCode code, Net first, Net second) {
        // judged against a fresh instance of the student's own class, so a wrong formula is not counted twice
        Object fresh = construct(code, second);
        studentForward(code, fresh, second);
        List<Tensor> want = studentBackward(code, fresh, second.depth());
        Object mlp = construct(code, first);
        studentForward(code, mlp, first);
        studentBackward(code, mlp, first.depth());
        studentForward(code, mlp, second);
        List<Tensor> got = studentBackward(code, mlp, second.depth());
        for (int i = 0; i < want.size(); i++) {
            Comparison c = TensorComparison.compare(gradName(i) + " after a second forward", want.get(i), got.get(i),
                    RTOL, ATOL);
            if (!c.passed()) {
                return Verdict.fail(c.message() + " (a fresh ManualMlp gives other gradients for the same x and Y:"
                        + " backward must use the latest forward only)");
            }
        }
        return Verdict.pass("backward follows the latest forward");
    }

    private static String gradName(int i) {
        return (i % 2 == 0 ? "dE/dA_" : "dE/db_") + (i / 2 + 1);
    }

    private static boolean close(double want, double got) {
        return Math.abs(got - want) <= ATOL + RTOL * Math.abs(want);
    }
}
