package org.gradlab.core;

/**
 * A trainable tensor and the gradient accumulated for it. Backward passes add into
 * {@link #grad()}; optimizers update {@link #value()} in place; {@link #zeroGrad()} clears.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    public Parameter(String name, Tensor value) {
        this.name = name;
        this.value = value;
        this.grad = Tensor.zeros(value.dtype(), value.shape());
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    /** Adds {@code g} to the accumulated gradient; shapes must match exactly. */
    public void accumulateGrad(Tensor g) {
        if (!java.util.Arrays.equals(g.shape(), value.shape())) {
            throw ShapeMismatchException.of("Parameter " + name + ".accumulateGrad",
                    "gradient shape differs from parameter shape", g.shape(), value.shape());
        }
        grad.addInPlace(g);
    }

    public void zeroGrad() {
        grad.fill(0.0);
    }

    @Override
    public String toString() {
        return "Parameter " + name + " " + java.util.Arrays.toString(value.shape());
    }
}
