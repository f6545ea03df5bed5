package org.gradlab.check.selfcheck;

import java.util.List;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Tensor;

/**
 * Whole-graph checks of the student's autodiff {@code Value}: gradients of small formulas that
 * reuse nodes against central differences of the formula's own forward values; zeroGrad followed
 * by a second backward; and a chain of 100000 nodes, which a recursive topological sort cannot walk.
 */
final class ValueGraphs {
    private static final String VALUE = "autodiff.Value";
    private static final double STEP = 1e-6;
    private static final int DEPTH = 100_000;

    private ValueGraphs() {
    }

    /** A student Value, its operations called by reflection. */
    private record V(Student s, Object o) {
        V op(String method, Object... args) {
            Object[] raw = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                raw[i] = args[i] instanceof V v ? v.o : args[i];
            }
            return new V(s, s.call(o, method, raw));
        }

        double data() {
            return number(s.call(o, "data"));
        }

        double grad() {
            return number(s.call(o, "grad"));
        }
    }

    private interface Formula {
        V apply(V[] leaves);
    }

    private record Graph(String text, String[] names, double[] at, Formula f) {
    }

    private static final List<Graph> GRAPHS = List.of(
            new Graph("x·x + log x at x = 3 (x used three times)", new String[] {"x"}, new double[] {3},
                    l -> l[0].op("mul", l[0]).op("add", l[0].op("log"))),
            new Graph("(a·b + a)·tanh(a − b)/b at a = 0.8, b = −1.3", new String[] {"a", "b"},
                    new double[] {0.8, -1.3},
                    l -> l[0].op("mul", l[1]).op("add", l[0]).op("mul", l[0].op("sub", l[1]).op("tanh"))
                            .op("div", l[1])),
            new Graph("sigmoid(x³ − eʸ) + relu(x·y) − (−y)·x at x = 0.9, y = 0.4", new String[] {"x", "y"},
                    new double[] {0.9, 0.4},
                    l -> l[0].op("pow", 3.0).op("sub", l[1].op("exp")).op("sigmoid").op("add", l[0].op("mul", l[1])
                            .op("relu")).op("sub", l[1].op("neg").op("mul", l[0]))),
            new Graph("x·2 + x/4 − 1 (constants) at x = 1.7", new String[] {"x"}, new double[] {1.7},
                    l -> l[0].op("mul", 2.0).op("add", l[0].op("div", 4.0)).op("sub", 1.0)));

    static void graphs(Student s, Tally tally, String cls) {
        String aspect = "backward (graphs)";
        for (Graph g : GRAPHS) {
            V[] leaves = leaves(s, g.at);
            V out = g.f.apply(leaves);
            s.call(out.o, "backward");
            double[] actual = new double[leaves.length];
            double[] numeric = new double[leaves.length];
            for (int i = 0; i < leaves.length; i++) {
                actual[i] = leaves[i].grad();
                double[] plus = g.at.clone();
                double[] minus = g.at.clone();
                plus[i] += STEP;
                minus[i] -= STEP;
                numeric[i] = (g.f.apply(leaves(s, plus)).data() - g.f.apply(leaves(s, minus)).data()) / (2 * STEP);
            }
            Comparison c = TensorComparison.compare("gradients of " + String.join(", ", g.names),
                    Tensor.vector(numeric), Tensor.vector(actual), 1e-5, 1e-7);
            if (!c.passed()) {
                tally.add(cls, aspect, Outcome.FAILED, g.text + ": " + c.message()
                        + " (against central differences of the formula)", SelfCheck.diagnose(Tensor.vector(numeric),
                                Tensor.vector(actual), null));
                return;
            }
        }
        tally.pass(cls, aspect);
    }

    static void zeroGrad(Student s, Tally tally, String cls) {
        Graph g = GRAPHS.get(1);
        V[] leaves = leaves(s, g.at);
        V out = g.f.apply(leaves);
        s.call(out.o, "backward");
        double[] first = {leaves[0].grad(), leaves[1].grad()};
        s.call(out.o, "zeroGrad");
        if (leaves[0].grad() != 0 || leaves[1].grad() != 0 || out.grad() != 0) {
            tally.add(cls, "zeroGrad", Outcome.FAILED, g.text + ": after zeroGrad() the gradients are ∂/∂a "
                    + leaves[0].grad() + ", ∂/∂b " + leaves[1].grad() + ", of the output " + out.grad()
                    + "; every node of the graph must be back at 0", null);
            return;
        }
        s.call(out.o, "backward");
        Comparison c = TensorComparison.compare("gradients of a, b after zeroGrad and a second backward",
                Tensor.vector(first), Tensor.vector(leaves[0].grad(), leaves[1].grad()), 1e-12, 1e-12);
        if (c.passed()) {
            tally.pass(cls, "zeroGrad");
        } else {
            tally.add(cls, "zeroGrad", Outcome.FAILED, g.text + ": " + c.message(),
                    SelfCheck.diagnose(Tensor.vector(first), Tensor.vector(leaves[0].grad(), leaves[1].grad()), null));
        }
    }

    static void deepChain(Student s, Tally tally, String cls) {
        V x = new V(s, s.construct(VALUE, 0.5));
        V y = x;
        for (int i = 0; i < DEPTH; i++) {
            y = y.op("add", 1.0);
        }
        try {
            s.call(y.o, "backward");
        } catch (StackOverflowError e) {
            tally.add(cls, "deep graph", Outcome.FAILED, "a chain of " + DEPTH + " additions: backward() overflowed"
                    + " the call stack", "topologicalOrder (or backward) recurses: walk the graph with an explicit"
                            + " stack (a loop) instead");
            return;
        }
        if (x.grad() == 1.0) {
            tally.pass(cls, "deep graph");
        } else {
            tally.add(cls, "deep graph", Outcome.FAILED, "a chain of " + DEPTH + " additions to x: ∂y/∂x is 1, got "
                    + x.grad(), null);
        }
    }

    private static V[] leaves(Student s, double[] at) {
        V[] out = new V[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = new V(s, s.construct(VALUE, at[i]));
        }
        return out;
    }

    private static double number(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        throw new Student.BadResult("Value.data() and grad() must return a double, returned " + o);
    }
}
