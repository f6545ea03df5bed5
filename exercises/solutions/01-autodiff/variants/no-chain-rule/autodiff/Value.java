package autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * KNOWN-WRONG VARIANT (no-chain-rule): each backward step adds the local derivative alone,
 * forgetting to multiply it by out.grad.
 *
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
            grad += 1;
            other.grad += 1;
        };
        return out;
    }

    public Value sub(Value other) {
        Value out = new Value(data - other.data, this, other);
        out.backwardStep = () -> {
            grad += 1;
            other.grad -= 1;
        };
        return out;
    }

    public Value mul(Value other) {
        Value out = new Value(data * other.data, this, other);
        out.backwardStep = () -> {
            grad += other.data;
            other.grad += data;
        };
        return out;
    }

    public Value div(Value other) {
        Value out = new Value(data / other.data, this, other);
        out.backwardStep = () -> {
            grad += 1 / other.data;
            other.grad -= data / (other.data * other.data);
        };
        return out;
    }

    public Value neg() {
        Value out = new Value(-data, this);
        out.backwardStep = () -> grad -= 1;
        return out;
    }

    /** this^k for a constant exponent k. */
    public Value pow(double k) {
        Value out = new Value(Math.pow(data, k), this);
        out.backwardStep = () -> grad += k * Math.pow(data, k - 1);
        return out;
    }

    /** Natural logarithm. */
    public Value log() {
        Value out = new Value(Math.log(data), this);
        out.backwardStep = () -> grad += 1 / data;
        return out;
    }

    public Value exp() {
        Value out = new Value(Math.exp(data), this);
        out.backwardStep = () -> grad += out.data;
        return out;
    }

    public Value tanh() {
        Value out = new Value(Math.tanh(data), this);
        out.backwardStep = () -> grad += 1 - out.data * out.data;
        return out;
    }

    /** max(x, 0); its derivative at exactly 0 is taken to be 0, as in PyTorch. */
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0.0, this);
        out.backwardStep = () -> grad += data > 0 ? 1.0 : 0.0;
        return out;
    }

    /** 1 / (1 + e^−x), written so that exp never overflows. */
    public Value sigmoid() {
        double s = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
        Value out = new Value(s, this);
        out.backwardStep = () -> grad += out.data * (1 - out.data);
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
     * Every node this one depends on, each once, inputs before the nodes that use them, this node
     * last. An explicit stack instead of recursion, so a chain of any length works.
     */
    List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> expanded = new HashSet<>();
        Set<Value> done = new HashSet<>();
        Deque<Value> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            Value v = stack.peek();
            if (done.contains(v)) {
                stack.pop(); // reached again through another parent
            } else if (expanded.add(v)) {
                for (Value c : v.children) {
                    if (!done.contains(c)) {
                        stack.push(c);
                    }
                }
            } else {
                stack.pop(); // all its children are in the order by now
                done.add(v);
                order.add(v);
            }
        }
        return order;
    }

    /** Fills in grad() of every node this one depends on: ∂this/∂node. */
    public void backward() {
        List<Value> order = topologicalOrder();
        grad = 1.0;
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backwardStep.run(); // every user of the node has already added its share
        }
    }

    /** Sets grad() of every node of this graph back to 0. */
    public void zeroGrad() {
        for (Value v : topologicalOrder()) {
            v.grad = 0.0;
        }
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
