package org.gradlab.engine.optim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gradlab.core.DType;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * What every optimizer shares: the parameter list, the learning rate, and per-parameter state
 * (a step count and named buffers kept as tensors of the parameter's type, so a FLOAT32
 * parameter keeps FLOAT32 state as in PyTorch). Subclasses write only the update rule, as one
 * loop over {@code double[]} that serves both types.
 */
public abstract class AbstractOptimizer implements Optimizer {
    private final String name;
    private final List<Parameter> params;
    private double lr;
    private final Map<Parameter, State> states = new IdentityHashMap<>();

    protected AbstractOptimizer(String name, List<Parameter> params, double lr) {
        this.name = name;
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(name + ": got an empty parameter list");
        }
        this.params = List.copyOf(params);
        Set<Parameter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Parameter p : this.params) {
            if (!distinct.add(p)) { // it would be stepped twice
                throw new IllegalArgumentException(name + ": " + p + " appears more than once in the parameter list");
            }
        }
        requireNonNegative(name, "learning rate", lr);
        this.lr = lr;
    }

    /** The state of one parameter as an update sees it: buffers are read-only arrays, replaced by {@link #put}. */
    protected static final class State {
        private final DType dtype;
        private final int[] shape;
        private int step;
        private final Map<String, Tensor> buffers = new LinkedHashMap<>();

        State(DType dtype, int[] shape) {
            this.dtype = dtype;
            this.shape = shape;
        }

        /** Steps taken including the current one (1 during the first update). */
        public int step() {
            return step;
        }

        /** The buffer's values (do not write: for FLOAT64 this is the storage itself), or null before it exists. */
        public double[] get(String buffer) {
            Tensor t = buffers.get(buffer);
            return t == null ? null : TensorData.read(t);
        }

        /** Stores new values for a buffer, rounded to the parameter's type; takes ownership of {@code values}. */
        public void put(String buffer, double[] values) {
            buffers.put(buffer, TensorData.wrap(dtype, shape, values));
        }
    }

    /**
     * One update of one parameter: {@code w} is a private copy of its values, to be changed in
     * place; {@code g} its gradient (read-only).
     */
    protected abstract void update(double[] w, double[] g, State state, double lr);

    @Override
    public final void step() {
        for (Parameter p : params) {
            Tensor value = p.value();
            State state = states.computeIfAbsent(p, k -> new State(value.dtype(), value.shape()));
            state.step++;
            double[] w = value.toArray();
            update(w, TensorData.read(p.grad()), state, lr);
            value.copyFrom(TensorData.wrap(value.dtype(), value.shape(), w));
        }
    }

    /** A copy of the state kept for {@code p} (step 0 and no buffers before its first step). */
    public ParamState state(Parameter p) {
        if (params.stream().noneMatch(q -> q == p)) {
            throw new IllegalArgumentException(name + ": " + p + " is not one of this optimizer's parameters");
        }
        State s = states.get(p);
        if (s == null) {
            return new ParamState(0, Map.of());
        }
        Map<String, Tensor> copies = new LinkedHashMap<>();
        s.buffers.forEach((k, v) -> copies.put(k, v.copy()));
        return new ParamState(s.step, copies);
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        requireNonNegative(name, "learning rate", lr);
        this.lr = lr;
    }

    /** L2 weight decay folded into the gradient, g + λ·w (a new array; {@code g} itself when λ = 0). */
    protected static double[] withWeightDecay(double[] g, double[] w, double weightDecay) {
        if (weightDecay == 0.0) {
            return g;
        }
        double[] d = new double[g.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] + weightDecay * w[i];
        }
        return d;
    }

    /** PyTorch's constructor checks, worded like its messages. */
    protected static void requireNonNegative(String name, String what, double v) {
        if (!(v >= 0.0)) {
            throw new IllegalArgumentException(name + ": invalid " + what + ": " + v + " (must be >= 0)");
        }
    }

    protected static void requireUnitInterval(String name, String what, double v) {
        if (!(v >= 0.0 && v < 1.0)) {
            throw new IllegalArgumentException(name + ": invalid " + what + ": " + v + " (must be in [0, 1))");
        }
    }

    @Override
    public String toString() {
        return name + "(lr=" + lr + ", " + params.size() + " parameter(s))";
    }

    /** {@link #state(Parameter)} in the student contract's form: buffers, then {@code step}. */
    @Override
    public Map<String, Tensor> stateOf(Parameter p) {
        ParamState s = state(p);
        Map<String, Tensor> out = new LinkedHashMap<>(s.buffers());
        if (s.step() > 0) {
            out.put("step", Tensor.scalar(s.step()));
        }
        return out;
    }
}
