package optim;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * Given (no need to change it): what every optimizer here shares — the parameter list, the
 * learning rate and the state kept per parameter under PyTorch's names ({@code momentum_buffer},
 * {@code square_avg}, {@code sum}, {@code exp_avg}, {@code exp_avg_sq}, {@code step}).
 */
abstract class StatefulOptimizer implements Optimizer {
    private final List<Parameter> params;
    private double lr;
    private final Map<Parameter, Map<String, Tensor>> states = new IdentityHashMap<>();

    StatefulOptimizer(List<Parameter> params, double lr) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": got an empty parameter list");
        }
        this.params = List.copyOf(params);
        setLearningRate(lr);
    }

    @Override
    public List<Parameter> parameters() {
        return params;
    }

    /** The current learning rate: read it in every step(), schedules change it between steps. */
    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        if (!(lr >= 0.0)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid learning rate: " + lr);
        }
        this.lr = lr;
    }

    /** The live state of {@code p}: get and put its tensors in step(); empty before the first step. */
    protected Map<String, Tensor> state(Parameter p) {
        return states.computeIfAbsent(p, k -> new LinkedHashMap<>());
    }

    /** Copies of the state of {@code p}, so that callers cannot change the optimizer through them. */
    @Override
    public Map<String, Tensor> stateOf(Parameter p) {
        Map<String, Tensor> copies = new LinkedHashMap<>();
        states.getOrDefault(p, Map.of()).forEach((name, t) -> copies.put(name, t.copy()));
        return copies;
    }

    /** Counts one more step in {@code state} (t, kept as a 0-d tensor under "step") and returns the new t. */
    protected static int nextStep(Map<String, Tensor> state) {
        Tensor old = state.get("step");
        int t = old == null ? 1 : (int) old.item() + 1;
        state.put("step", Tensor.scalar(t));
        return t;
    }

    /** The gradient with L2 weight decay folded in, g + λ·w (a new tensor; {@code grad} itself when λ = 0). */
    protected static Tensor withWeightDecay(Tensor grad, Tensor weight, double weightDecay) {
        return weightDecay == 0.0 ? grad : grad.add(weight.mul(weightDecay));
    }
}
