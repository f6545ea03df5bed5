package org.gradlab.grader.specs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.NumericGradient;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.autodiff.Value;

/**
 * A scalar computation as straight-line code: leaves first, then one operation per line, the last
 * line being the output. Lines may use any earlier line, several times, so the program is a graph
 * with shared nodes (x·x, a value feeding several branches). The same program runs on the
 * reference {@link Value} and on the student's class through an {@link Algebra}, which is how the
 * autodiff exercise builds identical graphs on both sides.
 */
final class ScalarProgram {
    /** Operations of the scalar API; {@code method} is the Value method that performs one. */
    enum Op {
        LEAF(0, ""), ADD(2, "add"), SUB(2, "sub"), MUL(2, "mul"), DIV(2, "div"), NEG(1, "neg"), POW(1, "pow"),
        LOG(1, "log"), EXP(1, "exp"), TANH(1, "tanh"), RELU(1, "relu"), SIGMOID(1, "sigmoid");

        final int arity;
        final String method;

        Op(int arity, String method) {
            this.arity = arity;
            this.method = method;
        }
    }

    /** One line: {@code op} applied to lines {@code a} and {@code b} (b unused by unary ops), with constant k. */
    record Line(Op op, int a, int b, double k) {
    }

    /** How to build and differentiate graphs of one scalar type V. */
    interface Algebra<V> {
        V leaf(double value);

        /** {@code op} on a (and b for binary ops), with k the exponent of POW. */
        V apply(Op op, V a, V b, double k);

        double data(V v);

        double grad(V v);

        void backward(V output);

        void zeroGrad(V output);
    }

    /** The reference engine's Value. */
    static final Algebra<Value> REFERENCE = new Algebra<>() {
        @Override
        public Value leaf(double value) {
            return Value.of(value);
        }

        @Override
        public Value apply(Op op, Value a, Value b, double k) {
            return switch (op) {
                case ADD -> a.add(b);
                case SUB -> a.sub(b);
                case MUL -> a.mul(b);
                case DIV -> a.div(b);
                case NEG -> a.neg();
                case POW -> a.pow(k);
                case LOG -> a.log();
                case EXP -> a.exp();
                case TANH -> a.tanh();
                case RELU -> a.relu();
                case SIGMOID -> a.sigmoid();
                case LEAF -> throw new IllegalArgumentException("a leaf is not an operation");
            };
        }

        @Override
        public double data(Value v) {
            return v.data();
        }

        @Override
        public double grad(Value v) {
            return v.grad();
        }

        @Override
        public void backward(Value output) {
            output.backward();
        }

        @Override
        public void zeroGrad(Value output) {
            output.zeroGrad();
        }
    };

    private final List<String> leafNames;
    private final List<Line> lines;
    private final double[] data; // the value of every line, from the reference
    private final String description; // null: spell out the lines

    private ScalarProgram(List<String> leafNames, List<Line> lines, double[] data, String description) {
        this.leafNames = List.copyOf(leafNames);
        this.lines = List.copyOf(lines);
        this.data = data;
        this.description = description;
    }

    /** The same program, described in messages by {@code text} instead of its lines (for long ones). */
    ScalarProgram describedAs(String text) {
        return new ScalarProgram(leafNames, lines, data, text);
    }

    int leafCount() {
        return leafNames.size();
    }

    int size() {
        return lines.size();
    }

    String leafName(int i) {
        return leafNames.get(i);
    }

    double[] leafValues() {
        return Arrays.copyOf(data, leafCount());
    }

    /** The output's value. */
    double output() {
        return data[data.length - 1];
    }

    /** Builds the graph on {@code leaves} (one per leaf, in order) and returns its output node. */
    <V> V run(Algebra<V> algebra, List<V> leaves) {
        List<V> nodes = new ArrayList<>(leaves);
        for (int i = leaves.size(); i < lines.size(); i++) {
            Line l = lines.get(i);
            nodes.add(algebra.apply(l.op, nodes.get(l.a), l.op.arity == 2 ? nodes.get(l.b) : null, l.k));
        }
        return nodes.get(nodes.size() - 1);
    }

    <V> List<V> leaves(Algebra<V> algebra, double[] values) {
        List<V> out = new ArrayList<>();
        for (double v : values) {
            out.add(algebra.leaf(v));
        }
        return out;
    }

    /** ∂output/∂leaf for every leaf, by the reference's reverse mode. */
    double[] referenceGradients() {
        List<Value> leaves = leaves(REFERENCE, leafValues());
        run(REFERENCE, leaves).backward();
        return leaves.stream().mapToDouble(Value::grad).toArray();
    }

    /**
     * ∂output/∂leaf by central differences of the reference's forward; throws
     * {@link org.gradlab.check.KinkException} when a probe straddles a kink (relu at 0).
     */
    double[] numericGradients() {
        Tensor x = Tensor.vector(leafValues());
        return NumericGradient.vjpDetectingKinks(
                probe -> Tensor.scalar(REFERENCE.data(run(REFERENCE, leaves(REFERENCE, probe.toArray())))), x,
                Tensor.scalar(1.0), NumericGradient.DEFAULT_STEP, 1e-3).toArray();
    }

    /**
     * The leaf gradients an implementation gets whose backward steps ASSIGN (=) instead of adding,
     * one result per plausible node order: depth-first with children in order, depth-first with
     * children reversed (an explicit stack pops them backwards) and creation order. Where no
     * value is used twice, all of them equal the right gradients.
     */
    List<double[]> overwritingGradients() {
        List<double[]> out = new ArrayList<>();
        if (lines.size() > 1000) {
            return out; // the long chain shares nothing: the mistake cannot show there
        }
        int last = lines.size() - 1;
        List<int[]> orders = List.of(depthFirst(false), depthFirst(true), creationOrder());
        for (int[] order : orders) {
            double[] g = new double[lines.size()];
            g[last] = 1.0;
            for (int n = order.length - 1; n >= 0; n--) {
                Line l = lines.get(order[n]);
                double[] local = localDerivatives(order[n]);
                for (int s = 0; s < l.op.arity; s++) {
                    g[s == 0 ? l.a : l.b] = local[s] * g[order[n]];
                }
            }
            out.add(Arrays.copyOf(g, leafCount()));
        }
        return out;
    }

    private int[] creationOrder() {
        int[] order = new int[lines.size()];
        Arrays.setAll(order, i -> i);
        return order;
    }

    /** Post-order of the lines reachable from the output, children visited first to last (or reversed). */
    private int[] depthFirst(boolean reversed) {
        boolean[] seen = new boolean[lines.size()];
        List<Integer> order = new ArrayList<>();
        Deque<int[]> path = new ArrayDeque<>(); // {line, next child slot}
        int last = lines.size() - 1;
        seen[last] = true;
        path.push(new int[] {last, 0});
        while (!path.isEmpty()) {
            int[] f = path.peek();
            Line l = lines.get(f[0]);
            if (f[1] < l.op.arity) {
                int slot = reversed ? l.op.arity - 1 - f[1] : f[1];
                f[1]++;
                int c = slot == 0 ? l.a : l.b;
                if (!seen[c]) {
                    seen[c] = true;
                    path.push(new int[] {c, 0});
                }
            } else {
                path.pop();
                order.add(f[0]);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** ∂line/∂operand for each operand slot of line i. */
    private double[] localDerivatives(int i) {
        Line l = lines.get(i);
        if (l.op == Op.LEAF) {
            return new double[0];
        }
        double a = data[l.a];
        double b = l.op.arity == 2 ? data[l.b] : 0;
        double y = data[i];
        return switch (l.op) {
            case ADD -> new double[] {1, 1};
            case SUB -> new double[] {1, -1};
            case MUL -> new double[] {b, a};
            case DIV -> new double[] {1 / b, -a / (b * b)};
            case NEG -> new double[] {-1};
            case POW -> new double[] {l.k * Math.pow(a, l.k - 1)};
            case LOG -> new double[] {1 / a};
            case EXP -> new double[] {y};
            case TANH -> new double[] {1 - y * y};
            case RELU -> new double[] {a > 0 ? 1 : 0};
            case SIGMOID -> new double[] {y * (1 - y)};
            case LEAF -> new double[0];
        };
    }

    /** The program as text: one line per operation ("t1 = a * b", …, "f = …") and the leaf values. */
    String text() {
        if (description != null) {
            return description;
        }
        if (lines.size() == leafCount()) {
            return "f = " + leafNames.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = leafCount(); i < lines.size(); i++) {
            sb.append(i == leafCount() ? "" : "; ").append(name(i)).append(" = ").append(expression(lines.get(i)));
        }
        sb.append(" at ");
        for (int i = 0; i < leafCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(leafNames.get(i)).append(" = ").append(format(data[i]));
        }
        return sb.toString();
    }

    private String name(int i) {
        if (i < leafCount()) {
            return leafNames.get(i);
        }
        return i == lines.size() - 1 ? "f" : "t" + (i - leafCount() + 1);
    }

    private String expression(Line l) {
        String a = name(l.a);
        return switch (l.op) {
            case ADD -> a + " + " + name(l.b);
            case SUB -> a + " - " + name(l.b);
            case MUL -> a + " * " + name(l.b);
            case DIV -> a + " / " + name(l.b);
            case NEG -> "-" + a;
            case POW -> a + "^" + format(l.k);
            default -> l.op.method + "(" + a + ")";
        };
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    // ---------------------------------------------------------------- building programs

    /** Builds a program line by line; values are computed with the reference as lines are added. */
    static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private final List<Value> nodes = new ArrayList<>();

        int leaf(String name, double value) {
            if (lines.size() != names.size()) {
                throw new IllegalStateException("leaves come before operations");
            }
            names.add(name);
            lines.add(new Line(Op.LEAF, -1, -1, value));
            nodes.add(Value.of(value));
            return lines.size() - 1;
        }

        int op(Op op, int a, int b, double k) {
            lines.add(new Line(op, a, b, k));
            nodes.add(REFERENCE.apply(op, nodes.get(a), op.arity == 2 ? nodes.get(b) : null, k));
            return lines.size() - 1;
        }

        int op(Op op, int a, int b) {
            return op(op, a, b, 0);
        }

        int op(Op op, int a) {
            return op(op, a, -1, 0);
        }

        double value(int i) {
            return nodes.get(i).data();
        }

        int size() {
            return lines.size();
        }

        /** Drops the last line (a draw that turned out unusable). */
        void undo() {
            lines.remove(lines.size() - 1);
            nodes.remove(nodes.size() - 1);
        }

        ScalarProgram build() {
            double[] data = nodes.stream().mapToDouble(Value::data).toArray();
            return new ScalarProgram(names, lines, data, null);
        }
    }

    private static final double[] EXPONENTS = {2, 3, -1, 0.5, 1.5, -0.5, 2.5};
    private static final Op[] RANDOM_OPS = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.POW, Op.LOG, Op.EXP,
            Op.TANH, Op.RELU, Op.SIGMOID};

    /**
     * A random program over the given leaves with {@code operations} drawn lines (operands favour
     * recent lines, so graphs get deep, and may repeat, so nodes get shared), every line whose
     * operands are in a well-conditioned range; lines nobody uses are then folded into the output,
     * so every leaf and line matters.
     */
    static ScalarProgram random(Rng rng, List<String> names, double[] leafValues, int operations) {
        Builder b = new Builder();
        for (int i = 0; i < leafValues.length; i++) {
            b.leaf(names.get(i), leafValues[i]);
        }
        for (int made = 0, tries = 0; made < operations && tries < 100 * operations; tries++) {
            Op op = RANDOM_OPS[rng.nextInt(RANDOM_OPS.length)];
            int n = b.size();
            int x = rng.uniform() < 0.6 ? n - 1 - rng.nextInt(Math.min(3, n)) : rng.nextInt(n);
            int y = rng.nextInt(n);
            double k = op == Op.POW ? EXPONENTS[rng.nextInt(EXPONENTS.length)] : 0;
            if (usable(op, x, y, b.value(x), b.value(y), k)) {
                int line = b.op(op, x, y, k);
                if (Math.abs(b.value(line)) > 1e3 || !Double.isFinite(b.value(line))) {
                    b.undo();
                } else {
                    made++;
                }
            }
        }
        foldUnused(b);
        return b.build();
    }

    /**
     * Keeps random programs well conditioned and meaningful: no x − x or x / x (constants), no
     * relu of a negative value (a zero that would wipe out every gradient behind it).
     */
    private static boolean usable(Op op, int x, int y, double a, double b, double k) {
        if ((op == Op.SUB || op == Op.DIV) && x == y) {
            return false;
        }
        return switch (op) {
            case DIV -> Math.abs(b) >= 0.3;
            case POW -> (k == Math.rint(k) || a >= 0.2) && (k >= 0 || Math.abs(a) >= 0.3);
            case LOG -> a >= 0.1 && a <= 100;
            case EXP -> a <= 4;
            case TANH, SIGMOID -> Math.abs(a) <= 4;
            case RELU -> a >= 0.05;
            default -> true;
        };
    }

    /** Adds (or multiplies, when that stays small) every line without a user into the output. */
    private static void foldUnused(Builder b) {
        boolean[] used = new boolean[b.size()];
        for (Line l : b.lines) {
            if (l.op != Op.LEAF) {
                used[l.a] = true;
                if (l.op.arity == 2) {
                    used[l.b] = true;
                }
            }
        }
        int acc = -1;
        int n = b.size();
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                boolean small = acc >= 0 && Math.abs(b.value(acc) * b.value(i)) < 1e3;
                acc = acc < 0 ? i : b.op(small && (i % 2 == 0) ? Op.MUL : Op.ADD, acc, i);
            }
        }
    }
}
