package org.gradlab.grader.specs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.gradlab.check.KinkException;
import org.gradlab.core.Rng;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.Verdict;
import org.gradlab.grader.specs.ScalarProgram.Op;

/**
 * 01-autodiff: the student's micrograd-style {@code autodiff.Value}. Every check builds the same
 * graph with the student's class and with the reference Value and compares the output's value and
 * the gradient of every leaf, with central differences of the reference as the guard that the case
 * itself is sound. The forward computations are given in the stub, so there is no forward part:
 * a changed forward value fails the check it shows up in.
 */
public final class AutodiffExercise implements ExerciseSpec {
    static final String VALUE = "autodiff.Value";
    static final double RTOL = 1e-6;
    static final double ATOL = 1e-9;
    /** Length of the chain that a recursive topological sort cannot handle. */
    static final int CHAIN = 100_000;
    private static final double CHAIN_EXPONENT = 1.00001;
    private static final int RANDOM_EXPRESSIONS = 4;
    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final String OVERWRITTEN = "gradients overwritten (=) instead of accumulated (+=) where a value"
            + " is used more than once: each backward step must add its share to its inputs' grad";
    private static final String RECURSION = "recursive topological sort: a chain of " + CHAIN + " operations"
            + " overflows the call stack; build the order with a loop and an explicit stack";

    @Override
    public String id() {
        return "01-autodiff";
    }

    @Override
    public String title() {
        return "Scalar reverse-mode autodiff";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(VALUE);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.INPUT_GRADIENT, 5.0, Part.EDGE_CASES, 3.0, Part.STATEFUL_INVARIANTS, 2.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        StudentValues student = new StudentValues(code);

        Rng ops = g.rng("operations");
        for (Op op : List.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.POW, Op.LOG, Op.EXP, Op.TANH, Op.SIGMOID)) {
            judge(g, student, Part.INPUT_GRADIENT, op.method + " backward", singleOperation(ops, op, 0));
        }
        judge(g, student, Part.INPUT_GRADIENT, "relu backward (positive input)", singleOperation(ops, Op.RELU, 1));
        judge(g, student, Part.INPUT_GRADIENT, "relu backward (negative input)", singleOperation(ops, Op.RELU, -1));
        judge(g, student, Part.INPUT_GRADIENT, "course example f(x, c) = (x²/log x + c)(x²/log x − c) at x = 3,"
                + " c = 5", courseExample());
        Rng expressions = g.rng("expressions");
        for (int i = 1; i <= RANDOM_EXPRESSIONS; i++) {
            judge(g, student, Part.INPUT_GRADIENT, "random expression " + i, randomProgram(expressions, 3 + i));
        }

        Rng edges = g.rng("edge cases");
        judge(g, student, Part.EDGE_CASES, "x·x (one node used twice by one operation)", square(edges));
        judge(g, student, Part.EDGE_CASES, "a node used by several operations", branches(edges));
        deepChain(g, student, edges);
        judge(g, student, Part.EDGE_CASES, "pow with a non-integer exponent", fractionalPower(edges));
        judge(g, student, Part.EDGE_CASES, "log near 0 and exp of a large argument", logExp(edges));

        Rng invariants = g.rng("invariants");
        repeatAfterZeroGrad(g, student, randomProgram(invariants, 7));
        zeroGradReachesLeaves(g, student, invariants);
        return g.finish("");
    }

    // ---------------------------------------------------------------- cases

    /** One operation on fresh leaves, in a range where it is smooth and well conditioned. */
    private static ScalarProgram singleOperation(Rng rng, Op op, int sign) {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int a = b.leaf("a", switch (op) {
            case POW -> rng.uniform(0.5, 3);
            case LOG -> rng.uniform(0.2, 5);
            case EXP -> rng.uniform(-3, 3);
            case TANH -> rng.uniform(-2, 2);
            case SIGMOID -> rng.uniform(-4, 4);
            case RELU -> sign * rng.uniform(0.2, 3);
            default -> signed(rng, 0.3, 3);
        });
        if (op.arity == 2) {
            b.op(op, a, b.leaf("b", signed(rng, 0.5, 3)));
        } else {
            b.op(op, a, -1, op == Op.POW ? new double[] {2, 3, -1, -2}[rng.nextInt(4)] : 0);
        }
        return b.build();
    }

    private static double signed(Rng rng, double low, double high) {
        return (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(low, high);
    }

    /** The worked example of the course notes: ∂f/∂x = 48.7569…, ∂f/∂c = −10. */
    static ScalarProgram courseExample() {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int x = b.leaf("x", 3);
        int c = b.leaf("c", 5);
        int q = b.op(Op.DIV, b.op(Op.POW, x, -1, 2), b.op(Op.LOG, x));
        b.op(Op.MUL, b.op(Op.ADD, q, c), b.op(Op.SUB, q, c));
        return b.build();
    }

    /** A random program over 2–4 leaves; redrawn when the reference's own numeric gradient disagrees. */
    private static ScalarProgram randomProgram(Rng rng, int operations) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int leaves = 2 + rng.nextInt(3);
            double[] values = new double[leaves];
            for (int i = 0; i < leaves; i++) {
                values[i] = signed(rng, 0.3, 2);
            }
            ScalarProgram p = ScalarProgram.random(rng, NAMES, values, operations);
            if (sound(p)) {
                return p;
            }
        }
        throw new IllegalStateException("grader bug: no well-conditioned random expression in 50 draws");
    }

    /**
     * True when central differences of the reference agree with its reverse mode (no kink, no
     * cancellation) and every leaf matters.
     */
    private static boolean sound(ScalarProgram p) {
        try {
            double[] numeric = p.numericGradients();
            double[] exact = p.referenceGradients();
            for (int i = 0; i < exact.length; i++) {
                if (Math.abs(numeric[i] - exact[i]) > 1e-4 * Math.max(1, Math.abs(exact[i]))
                        || Math.abs(exact[i]) < 1e-3) { // a leaf that hardly matters tests nothing
                    return false;
                }
            }
            return true;
        } catch (KinkException e) {
            return false;
        }
    }

    private static ScalarProgram square(Rng rng) {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int x = b.leaf("x", signed(rng, 0.5, 3));
        b.op(Op.MUL, x, x);
        return b.build();
    }

    /** t = x·y feeds tanh, a product and exp; each path must add its share to t's gradient. */
    private static ScalarProgram branches(Rng rng) {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int x = b.leaf("x", rng.uniform(0.3, 1.2));
        int y = b.leaf("y", signed(rng, 0.3, 1.2));
        int z = b.leaf("z", signed(rng, 0.5, 2));
        int t = b.op(Op.MUL, x, y);
        int u = b.op(Op.ADD, b.op(Op.TANH, t), b.op(Op.MUL, t, z));
        b.op(Op.SUB, u, b.op(Op.EXP, t));
        return b.build();
    }

    private static ScalarProgram fractionalPower(Rng rng) {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int x = b.leaf("x", rng.uniform(0.5, 3));
        double k = Math.floor(rng.uniform(-2, 4)) + rng.uniform(0.15, 0.85); // never an integer
        b.op(Op.POW, x, -1, k);
        return b.build();
    }

    private static ScalarProgram logExp(Rng rng) {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int x = b.leaf("x", rng.uniform(0.01, 0.05));
        int y = b.leaf("y", rng.uniform(8, 12));
        b.op(Op.ADD, b.op(Op.LOG, x), b.op(Op.EXP, y));
        return b.build();
    }

    // ---------------------------------------------------------------- checks

    /** Builds {@code p} on both sides, runs backward and compares the output and every leaf's gradient. */
    private static void judge(Grading g, StudentValues student, Part part, String name, ScalarProgram p) {
        double[] want = p.referenceGradients();
        double[] numeric = p.numericGradients();
        g.check(part, name, () -> {
            List<Object> leaves = p.leaves(student, p.leafValues());
            Object out = p.run(student, leaves);
            Verdict forward = forward(student, out, p);
            if (forward != null) {
                return forward;
            }
            student.backward(out);
            return compare(student, leaves, p, want, numeric);
        });
    }

    /** Null when the student's output value is right, else the failure. */
    private static Verdict forward(StudentValues student, Object out, ScalarProgram p) {
        double data = student.data(out);
        if (close(p.output(), data)) {
            return null;
        }
        return Verdict.fail("for " + p.text() + ": f.data() is " + data + ", expected " + p.output()
                + " (the forward computations are given in the stub: keep them as they were)");
    }

    private static Verdict compare(StudentValues student, List<Object> leaves, ScalarProgram p, double[] want,
            double[] numeric) {
        double[] got = new double[leaves.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = student.grad(leaves.get(i));
        }
        for (int i = 0; i < got.length; i++) {
            if (!close(want[i], got[i])) {
                return Verdict.fail("for " + p.text() + ": ∂f/∂" + p.leafName(i) + " is " + got[i] + ", expected "
                        + want[i] + " (central difference " + ScalarProgram.format(numeric[i]) + ")",
                        diagnose(p, want, got));
            }
        }
        return Verdict.pass("for " + p.text() + ": " + (got.length == 1 ? "the leaf gradient matches"
                : "all " + got.length + " leaf gradients match"));
    }

    /** Names the overwrite mistake when the gradients are exactly what assigning instead of adding gives. */
    private static String diagnose(ScalarProgram p, double[] want, double[] got) {
        for (double[] overwritten : p.overwritingGradients()) {
            if (allClose(overwritten, got) && !allClose(overwritten, want)) {
                return OVERWRITTEN;
            }
        }
        return null;
    }

    /**
     * f = x^k^k…, one pow(k) at a time, {@value #CHAIN} operations deep: a recursive topological sort
     * overflows the stack here. A unary chain keeps the graph small, and the expected values come in
     * closed form rather than from a reference graph of the same size.
     */
    private static void deepChain(Grading g, StudentValues student, Rng rng) {
        double x = rng.uniform(0.5, 2);
        String text = "f = x^" + CHAIN_EXPONENT + "^" + CHAIN_EXPONENT + "^… (" + CHAIN + " times pow) at x = "
                + ScalarProgram.format(x);
        double want = chainDerivative(x);
        double h = 1e-6;
        double numeric = (chain(x + h) - chain(x - h)) / (2 * h);
        double output = chain(x);
        g.check(Part.EDGE_CASES, "a chain of " + CHAIN + " operations (f = x^k^k^…)", () -> {
            Object leaf = student.leaf(x);
            Object out = student.powChain(leaf, CHAIN_EXPONENT, CHAIN);
            double data = student.data(out);
            if (!close(output, data)) {
                return Verdict.fail("for " + text + ": f.data() is " + data + ", expected " + output
                        + " (the forward computations are given in the stub: keep them as they were)");
            }
            try {
                student.backward(out);
            } catch (StudentFault f) {
                if (f.getCause() instanceof StackOverflowError) {
                    return Verdict.fail(f.getMessage() + " in backward() on a chain of " + CHAIN + " operations",
                            RECURSION);
                }
                throw f;
            }
            double got = student.grad(leaf);
            if (!close(want, got)) {
                return Verdict.fail("for " + text + ": ∂f/∂x is " + got + ", expected " + want + " (central difference "
                        + ScalarProgram.format(numeric) + ")");
            }
            return Verdict.pass("a chain of " + CHAIN + " operations: ∂f/∂x = " + want + " as expected");
        });
    }

    /** x^k^k… (CHAIN times) = x^K with K = k^CHAIN; the rounding of CHAIN single steps stays far below RTOL. */
    private static double chain(double x) {
        return Math.pow(x, Math.pow(CHAIN_EXPONENT, CHAIN));
    }

    /** d/dx x^K = K·x^(K−1). */
    private static double chainDerivative(double x) {
        double k = Math.pow(CHAIN_EXPONENT, CHAIN);
        return k * Math.pow(x, k - 1);
    }

    /** backward, zeroGrad, backward again: the second pass must give exactly the first pass's gradients. */
    private static void repeatAfterZeroGrad(Grading g, StudentValues student, ScalarProgram p) {
        g.check(Part.STATEFUL_INVARIANTS, "backward after zeroGrad repeats the same gradients", () -> {
            List<Object> leaves = p.leaves(student, p.leafValues());
            Object out = p.run(student, leaves);
            student.backward(out);
            double[] first = leaves.stream().mapToDouble(student::grad).toArray();
            student.zeroGrad(out);
            student.backward(out);
            for (int i = 0; i < first.length; i++) {
                double second = student.grad(leaves.get(i));
                if (!close(first[i], second)) {
                    return Verdict.fail("for " + p.text() + ": ∂f/∂" + p.leafName(i) + " is " + first[i]
                            + " after the first backward() but " + second + " after zeroGrad() and a second backward()",
                            close(2 * first[i], second) ? "zeroGrad() left the leaves' gradients in place, so the second"
                                    + " pass added to them" : null);
                }
            }
            return Verdict.pass("the same " + first.length + " leaf gradients twice");
        });
    }

    /**
     * zeroGrad must reset the whole graph, leaves included: afterwards the same leaves serve a
     * second graph whose gradients must come out right.
     */
    private static void zeroGradReachesLeaves(Grading g, StudentValues student, Rng rng) {
        ScalarProgram first = randomProgram(rng, 5);
        ScalarProgram second = secondProgram(rng, first.leafValues());
        double[] want = second.referenceGradients();
        double[] numeric = second.numericGradients();
        g.check(Part.STATEFUL_INVARIANTS, "zeroGrad resets every node, leaves included", () -> {
            List<Object> leaves = first.leaves(student, first.leafValues());
            Object out = first.run(student, leaves);
            student.backward(out);
            student.zeroGrad(out);
            for (int i = 0; i < leaves.size(); i++) {
                double left = student.grad(leaves.get(i));
                if (left != 0) {
                    return Verdict.fail("for " + first.text() + ": after f.backward() and f.zeroGrad(), "
                            + first.leafName(i) + ".grad() is " + left + ", expected 0 (zeroGrad must reset every"
                            + " node of the graph, not only f)");
                }
            }
            Object out2 = second.run(student, leaves);
            student.backward(out2);
            return compare(student, leaves, second, want, numeric);
        });
    }

    private static ScalarProgram secondProgram(Rng rng, double[] leafValues) {
        for (int attempt = 0; attempt < 50; attempt++) {
            ScalarProgram p = ScalarProgram.random(rng, NAMES, leafValues, 5);
            if (sound(p)) {
                return p;
            }
        }
        throw new IllegalStateException("grader bug: no well-conditioned second expression in 50 draws");
    }

    static boolean close(double expected, double actual) {
        return Math.abs(actual - expected) <= ATOL + RTOL * Math.abs(expected);
    }

    private static boolean allClose(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i])) {
                return false;
            }
        }
        return true;
    }

    /** The student's autodiff.Value, driven by reflection with feedback-quality errors. */
    static final class StudentValues implements ScalarProgram.Algebra<Object> {
        private final StudentCode code;

        StudentValues(StudentCode code) {
            this.code = code;
        }

        @Override
        public Object leaf(double value) {
            return code.construct(VALUE, Object.class, value);
        }

        @Override
        public Object apply(Op op, Object a, Object b, double k) {
            Object result = switch (op) {
                case POW -> code.call(a, op.method, k);
                default -> op.arity == 2 ? code.call(a, op.method, b) : code.call(a, op.method);
            };
            if (result == null) {
                throw new StudentFault(VALUE + "." + op.method + " returned null", false, false, null);
            }
            return result;
        }

        /**
         * {@code times} calls of pow(k), starting at {@code x}. The method is looked up once: a
         * lookup per call would dominate the time of the deep chain.
         */
        Object powChain(Object x, double k, int times) {
            Object y = code.call(x, "pow", k); // a missing method fails here, with StudentCode's message
            Method pow;
            try {
                pow = y.getClass().getMethod("pow", double.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("grader bug: pow(double) was found a moment ago", e);
            }
            try {
                for (int i = 1; i < times; i++) {
                    y = pow.invoke(y, k);
                    if (y == null) {
                        throw new StudentFault(VALUE + ".pow returned null", false, false, null);
                    }
                }
            } catch (InvocationTargetException e) {
                throw StudentFault.of(e.getCause(), code);
            } catch (IllegalAccessException e) {
                throw new StudentFault("cannot call " + pow + ": " + e.getMessage(), false, true, e);
            }
            return y;
        }

        @Override
        public double data(Object v) {
            return number("data", code.call(v, "data"));
        }

        @Override
        public double grad(Object v) {
            return number("grad", code.call(v, "grad"));
        }

        private static double number(String method, Object result) {
            if (result instanceof Double d) {
                return d;
            }
            throw new StudentFault(VALUE + "." + method + "() must return a double", false, true, null);
        }

        @Override
        public void backward(Object output) {
            code.call(output, "backward");
        }

        @Override
        public void zeroGrad(Object output) {
            code.call(output, "zeroGrad");
        }
    }
}
