package org.gradlab.engine.nn;

import org.gradlab.core.AxisView;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/** Shared body of {@link Softmax} and {@link LogSoftmax}: both cache their output, which is all backward needs. */
abstract class AxisSoftmax implements Layer {
    private final String name;
    private final int dim;
    private final boolean log;
    private AxisView view;
    private Tensor output;

    AxisSoftmax(String name, int dim, boolean log) {
        this.name = name;
        this.dim = dim;
        this.log = log;
    }

    public int dim() {
        return dim;
    }

    @Override
    public final Tensor forward(Tensor input) {
        view = AxisView.of(name, input.shape(), dim);
        double[] y = new double[input.numel()];
        Functional.softmax(TensorData.read(input), view, log, y);
        output = TensorData.wrap(input.dtype(), input.shape(), y);
        return output;
    }

    @Override
    public final Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone(name, output);
        LayerChecks.gradShape(name, gradOutput, output.shape());
        double[] gx = new double[output.numel()];
        Functional.softmaxBackward(TensorData.read(output), TensorData.read(gradOutput), view, log, gx);
        return TensorData.wrap(output.dtype(), output.shape(), gx);
    }

    @Override
    public String toString() {
        return name + "(dim=" + dim + ")";
    }
}
