package org.gradlab.engine.nn;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * A parameter-free activation applied to each element. Subclasses supply the whole-array
 * kernels (one virtual call per tensor, never per element); this class caches input and output
 * and does the checks.
 */
abstract class ElementwiseActivation implements Layer {
    private final String name;
    private Tensor input;
    private Tensor output;

    ElementwiseActivation(String name) {
        this.name = name;
    }

    /** y[i] = f(x[i]). */
    abstract void apply(double[] x, double[] y);

    /** gx[i] = g[i] · f'(x[i]), where the derivative may use the output y[i] = f(x[i]). */
    abstract void gradient(double[] x, double[] y, double[] g, double[] gx);

    @Override
    public final Tensor forward(Tensor input) {
        double[] y = new double[input.numel()];
        apply(TensorData.read(input), y);
        this.input = input;
        this.output = TensorData.wrap(input.dtype(), input.shape(), y);
        return output;
    }

    @Override
    public final Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone(name, input);
        LayerChecks.gradShape(name, gradOutput, output.shape());
        double[] gx = new double[input.numel()];
        gradient(TensorData.read(input), TensorData.read(output), TensorData.read(gradOutput), gx);
        return TensorData.wrap(input.dtype(), input.shape(), gx);
    }

    @Override
    public String toString() {
        return name + "()";
    }
}
