package org.gradlab.engine.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.gradlab.engine.nn.Functional;

/**
 * A scalar that remembers how it was computed, for reverse-mode automatic differentiation in the
 * style of micrograd. Every operation returns a new node holding its value, its inputs
 * ("children") and the local derivative ∂node/∂child for each of them. {@link #backward()} then
 * visits the graph from this node back to the leaves and applies the chain rule: each child's
 * adjoint gains (local derivative) × (parent's adjoint).
 *
 * <pre>
 *   Value x = Value.variable("x", 3);
 *   Value f = x.mul(x).add(x.log());
 *   f.backward();            // x.grad() == 2·3 + 1/3
 * </pre>
 */
public final class Value {
    private final double data;
    private final Value[] children;
    private final double[] localGrads; // ∂this/∂children[i], known once the forward value is
    private final String op;
    private final String label;
    private double grad;

    private Value(double data, String op, String label, Value[] children, double[] localGrads) {
        this.data = data;
        this.op = op;
        this.label = label;
        this.children = children;
        this.localGrads = localGrads;
    }

    private static final Value[] NONE = {};
    private static final double[] NO_GRADS = {};

    /** A constant leaf. */
    public static Value of(double data) {
        return new Value(data, "", "", NONE, NO_GRADS);
    }

    /** A named leaf, e.g. an input variable whose partial derivative you want. */
    public static Value variable(String name, double data) {
        return new Value(data, "", name, NONE, NO_GRADS);
    }

    private static Value node(double data, String op, Value[] children, double[] localGrads) {
        return new Value(data, op, "", children, localGrads);
    }

    // ---------------------------------------------------------------- accessors

    public double data() {
        return data;
    }

    /** The adjoint ∂output/∂this after {@link #backward()} on some output. */
    public double grad() {
        return grad;
    }

    /** The operation that made this node ("+", "*", "log", "^2", …); "" for a leaf. */
    public String op() {
        return op;
    }

    /** The variable name of a leaf made by {@link #variable}; "" otherwise. */
    public String label() {
        return label;
    }

    /** The inputs of the operation, in order (a node used twice, as in x·x, appears twice). */
    public List<Value> children() {
        return List.of(children);
    }

    public boolean isLeaf() {
        return children.length == 0;
    }

    // ---------------------------------------------------------------- operations

    public Value add(Value o) {
        return node(data + o.data, "+", new Value[] {this, o}, new double[] {1, 1});
    }

    public Value add(double c) {
        return add(of(c));
    }

    public Value sub(Value o) {
        return node(data - o.data, "-", new Value[] {this, o}, new double[] {1, -1});
    }

    public Value sub(double c) {
        return sub(of(c));
    }

    public Value mul(Value o) {
        return node(data * o.data, "*", new Value[] {this, o}, new double[] {o.data, data});
    }

    public Value mul(double c) {
        return mul(of(c));
    }

    /** a / b with ∂/∂a = 1/b and ∂/∂b = −a/b². */
    public Value div(Value o) {
        return node(data / o.data, "/", new Value[] {this, o}, new double[] {1 / o.data, -data / (o.data * o.data)});
    }

    public Value div(double c) {
        return div(of(c));
    }

    public Value neg() {
        return node(-data, "neg", new Value[] {this}, new double[] {-1});
    }

    /** x^k for a constant k: ∂/∂x = k·x^(k−1). */
    public Value pow(double k) {
        return node(Math.pow(data, k), "^" + format(k), new Value[] {this}, new double[] {k * Math.pow(data, k - 1)});
    }

    /** Natural logarithm: ∂/∂x = 1/x. */
    public Value log() {
        return node(Math.log(data), "log", new Value[] {this}, new double[] {1 / data});
    }

    public Value exp() {
        double e = Math.exp(data);
        return node(e, "exp", new Value[] {this}, new double[] {e});
    }

    /** ∂/∂x = 1 − tanh²(x). */
    public Value tanh() {
        double t = Math.tanh(data);
        return node(t, "tanh", new Value[] {this}, new double[] {1 - t * t});
    }

    /** max(x, 0), with derivative 0 at x = 0 as in PyTorch. */
    public Value relu() {
        return node(Math.max(data, 0.0), "relu", new Value[] {this}, new double[] {data > 0 ? 1 : 0});
    }

    /** Sigmoid without overflow for large |x|: ∂/∂x = σ(x)(1 − σ(x)). */
    public Value sigmoid() {
        double s = Functional.sigmoid(data);
        return node(s, "sigmoid", new Value[] {this}, new double[] {s * (1 - s)});
    }

    // ---------------------------------------------------------------- backward

    /**
     * Every node this one depends on, each once, inputs before the nodes that use them, this node
     * last. An explicit stack replaces recursion, so graphs of any depth work.
     */
    public List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Frame> path = new ArrayDeque<>(); // the nodes being expanded, this node at the bottom
        seen.add(this);
        path.push(new Frame(this));
        while (!path.isEmpty()) {
            Frame f = path.peek();
            if (f.next < f.node.children.length) {
                Value c = f.node.children[f.next++];
                if (seen.add(c)) {
                    path.push(new Frame(c));
                }
            } else {
                path.pop();
                order.add(f.node); // all its inputs are already in the list
            }
        }
        return order;
    }

    /** A node on the depth-first path and the index of its next child to visit. */
    private static final class Frame {
        final Value node;
        int next;

        Frame(Value node) {
            this.node = node;
        }
    }

    /**
     * Computes ∂this/∂v for every node v of the graph. Adjoints of inner nodes are recomputed
     * from zero on each call; leaves accumulate like PyTorch's {@code .grad}, so call
     * {@link #zeroGrad()} between passes to get the same gradients again.
     */
    public void backward() {
        List<Value> order = topologicalOrder();
        for (Value v : order) {
            if (!v.isLeaf()) {
                v.grad = 0.0;
            }
        }
        grad += 1.0;
        for (int n = order.size() - 1; n >= 0; n--) {
            Value v = order.get(n); // every user of v has already passed its share to v
            for (int i = 0; i < v.children.length; i++) {
                v.children[i].grad += v.localGrads[i] * v.grad;
            }
        }
    }

    /** Sets the adjoint of every node of this graph to zero. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0.0;
        }
    }

    /** 2 rather than 2.0 for whole numbers, for operation labels. */
    static String format(double k) {
        if (k == Math.rint(k) && Math.abs(k) < 1e15) {
            return Long.toString((long) k);
        }
        return Double.toString(k);
    }

    @Override
    public String toString() {
        String what = isLeaf() ? (label.isEmpty() ? "const" : label) : op;
        return "Value(" + what + ", data=" + data + ", grad=" + grad + ")";
    }
}
