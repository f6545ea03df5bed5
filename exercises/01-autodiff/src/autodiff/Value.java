package autodiff;

import java.util.List;

/**
 * A scalar that remembers how it was computed, for reverse-mode automatic differentiation in the
 * style of micrograd. Every operation returns a new node holding its value, its inputs
 * ("children") and a backward step that passes the node's gradient on to its inputs by the chain
 * rule. {@link #backward()} runs those steps from the output back to the leaves.
 *
 * <p>The forward computations and the graph bookkeeping are given. You write each operation's
 * backward step, {@link #topologicalOrder()}, {@link #backward()} and {@link #zeroGrad()}.
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
    // Each backward step runs once, after out.grad is final. It must ADD (+=) the node's share to
    // each input's grad: an input may be used by several nodes, or twice by one (x.mul(x)).

    public Value add(Value other) {
        Value out = new Value(data + other.data, this, other);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: add backward: pass out.grad on to both inputs");
        };
        return out;
    }

    public Value sub(Value other) {
        Value out = new Value(data - other.data, this, other);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: sub backward: pass out.grad on to both inputs");
        };
        return out;
    }

    public Value mul(Value other) {
        Value out = new Value(data * other.data, this, other);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: mul backward: pass out.grad on to both inputs");
        };
        return out;
    }

    public Value div(Value other) {
        Value out = new Value(data / other.data, this, other);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: div backward: pass out.grad on to both inputs");
        };
        return out;
    }

    public Value neg() {
        Value out = new Value(-data, this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: neg backward: pass out.grad on to the input");
        };
        return out;
    }

    /** this^k for a constant exponent k (any real k; this must be positive when k is not an integer). */
    public Value pow(double k) {
        Value out = new Value(Math.pow(data, k), this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: pow backward: pass out.grad on to the input");
        };
        return out;
    }

    /** Natural logarithm. */
    public Value log() {
        Value out = new Value(Math.log(data), this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: log backward: pass out.grad on to the input");
        };
        return out;
    }

    public Value exp() {
        Value out = new Value(Math.exp(data), this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: exp backward: pass out.grad on to the input");
        };
        return out;
    }

    public Value tanh() {
        Value out = new Value(Math.tanh(data), this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: tanh backward: pass out.grad on to the input");
        };
        return out;
    }

    /** max(x, 0); take its derivative at exactly 0 to be 0, as PyTorch does. */
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0.0, this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: relu backward: pass out.grad on to the input");
        };
        return out;
    }

    /** 1 / (1 + e^−x), written so that exp never overflows. */
    public Value sigmoid() {
        double s = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
        Value out = new Value(s, this);
        out.backwardStep = () -> {
            throw new UnsupportedOperationException("TODO: sigmoid backward: pass out.grad on to the input");
        };
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
     * Every node this one depends on, each exactly once, every node after all of its children,
     * this node last. Must not recurse: a chain of 100000 nodes would overflow the call stack.
     */
    List<Value> topologicalOrder() {
        throw new UnsupportedOperationException("TODO: topologicalOrder: list the graph's nodes, children first,"
                + " without recursion");
    }

    /**
     * Fills in grad() of every node this one depends on with ∂this/∂node: seed this node's grad
     * with 1, then run the backward steps so that each node's step runs after those of all its users.
     */
    public void backward() {
        throw new UnsupportedOperationException("TODO: backward: seed grad = 1, run the backward steps in"
                + " reverse topological order");
    }

    /** Sets grad() of every node of this graph (not just this node) back to 0. */
    public void zeroGrad() {
        throw new UnsupportedOperationException("TODO: zeroGrad: reset the grad of every node of the graph");
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}
