package autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// LOOP-STYLE SOLUTION: Kahn's algorithm (counting each node's users) instead of a depth-first order.
/**
 * A scalar that remembers how it was computed, for reverse-mode automatic differentiation in the
 * style of micrograd. Every operation returns a new node holding its value, its inputs
 * ("children") and a backward step that passes the node's gradient on to its inputs by the chain
 * rule. {@link #backward()} runs those steps from the output back to the leaves.
 *
 * <pre>
 *   Value x = new Value(3);
 *   Value f = x.mul(x).add(x.log());
 *   f.backward();            // x.grad() == 2·3 + 1/3
 * </pre>
 */
public final class Value {
    private static final Value[] NONE = {};

    private final double data;
    private final Value[] children;
    /** Adds this node's share to its children's gradients; a leaf has nobody to pass it to. */
    private Runnable backwardStep = () -> {
    };
    private double grad;

    /** A leaf: an input variable or a constant. */
    public Value(double data) {
        this(data, NONE);
    }

    private Value(double data, Value... children) {
        this.data = data;
        this.children = children;
    }

    public double data() {
        return data;
    }

    /** ∂output/∂this after {@code output.backward()}. */
    public double grad() {
        return grad;
    }

    // ---------------------------------------------------------------- operations

    public Value add(Value other) {
        Value out = new Value(data + other.data, this, other);
        out.backwardStep = () -> {
            grad += out.grad;
            other.grad += out.grad;
        };
        return out;
    }

    public Value sub(Value other) {
        Value out = new Value(data - other.data, this, other);
        out.backwardStep = () -> {
            grad += out.grad;
            other.grad -= out.grad;
        };
        return out;
    }

    public Value mul(Value other) {
        Value out = new Value(data * other.data, this, other);
        out.backwardStep = () -> {
            grad += other.data * out.grad;
            other.grad += data * out.grad;
        };
        return out;
    }

    public Value div(Value other) {
        Value out = new Value(data / other.data, this, other);
        out.backwardStep = () -> {
            grad += out.grad / other.data;
            other.grad -= out.grad * data / (other.data * other.data);
        };
        return out;
    }

    public Value neg() {
        Value out = new Value(-data, this);
        out.backwardStep = () -> grad -= out.grad;
        return out;
    }

    /** this^k for a constant exponent k. */
    public Value pow(double k) {
        Value out = new Value(Math.pow(data, k), this);
        out.backwardStep = () -> grad += k * Math.pow(data, k - 1) * out.grad;
        return out;
    }

    /** Natural logarithm. */
    public Value log() {
        Value out = new Value(Math.log(data), this);
        out.backwardStep = () -> grad += out.grad / data;
        return out;
    }

    public Value exp() {
        Value out = new Value(Math.exp(data), this);
        out.backwardStep = () -> grad += out.data * out.grad;
        return out;
    }

    public Value tanh() {
        Value out = new Value(Math.tanh(data), this);
        out.backwardStep = () -> grad += (1 - out.data * out.data) * out.grad;
        return out;
    }

    /** max(x, 0); its derivative at exactly 0 is taken to be 0, as in PyTorch. */
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0.0, this);
        out.backwardStep = () -> grad += (data > 0 ? 1.0 : 0.0) * out.grad;
        return out;
    }

    /** 1 / (1 + e^−x), written so that exp never overflows. */
    public Value sigmoid() {
        double s = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
        Value out = new Value(s, this);
        out.backwardStep = () -> grad += out.data * (1 - out.data) * out.grad;
        return out;
    }

    // Constants become leaves, so these reuse the operations above.

    public Value add(double c) {
        return add(new Value(c));
    }

    public Value sub(double c) {
        return sub(new Value(c));
    }

    public Value mul(double c) {
        return mul(new Value(c));
    }

    public Value div(double c) {
        return div(new Value(c));
    }

    // ---------------------------------------------------------------- backward

    /**
     * Every node this one depends on, each once, this node first and every node before its
     * children (Kahn's algorithm: a node is released once all of its users have been).
     */
    List<Value> reverseTopologicalOrder() {
        Map<Value, Integer> users = new HashMap<>();
        Deque<Value> todo = new ArrayDeque<>();
        users.put(this, 0);
        todo.add(this);
        while (!todo.isEmpty()) { // first pass: find the nodes and count the uses of each
            Value v = todo.poll();
            for (Value c : v.children) {
                Integer n = users.get(c);
                if (n == null) {
                    todo.add(c);
                }
                users.put(c, n == null ? 1 : n + 1);
            }
        }
        List<Value> order = new ArrayList<>();
        todo.add(this);
        while (!todo.isEmpty()) {
            Value v = todo.poll();
            order.add(v);
            for (Value c : v.children) {
                int left = users.get(c) - 1;
                users.put(c, left);
                if (left == 0) {
                    todo.add(c);
                }
            }
        }
        return order;
    }

    /** Fills in grad() of every node this one depends on: ∂this/∂node. */
    public void backward() {
        grad = 1.0;
        for (Value v : reverseTopologicalOrder()) {
            v.backwardStep.run();
        }
    }

    /** Sets grad() of every node of this graph back to 0. */
    public void zeroGrad() {
        for (Value v : reverseTopologicalOrder()) {
            v.grad = 0.0;
        }
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
