package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.core.spi.TensorData;

/**
 * LeakyReLU with a learned slope: x for x > 0, else a·x. The parameter "weight" holds either one
 * slope shared by all elements or one per channel, where the channel axis is 1 (as in PyTorch).
 */
public final class PReLU implements Layer {
    private final Parameter weight;
    private Tensor input;

    /** One slope per channel (or one shared when {@code numParameters} is 1), all starting at {@code init}. */
    public PReLU(DType dtype, int numParameters, double init) {
        if (numParameters < 1) {
            throw new IllegalArgumentException("PReLU: num_parameters must be at least 1, got " + numParameters);
        }
        this.weight = new Parameter("weight", Tensor.full(dtype, init, numParameters));
    }

    /** FLOAT64, PyTorch's default init 0.25. */
    public PReLU(int numParameters) {
        this(DType.FLOAT64, numParameters, 0.25);
    }

    /** One shared slope, init 0.25. */
    public PReLU() {
        this(1);
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }

    /** Elements per (sample, channel) block, or −1 when the slope is shared. */
    private int channelBlock(int[] shape) {
        int c = weight.value().numel();
        if (c == 1) {
            return -1;
        }
        if (shape.length < 2 || shape[1] != c) {
            throw ShapeMismatchException.of("PReLU", "input's channel dimension (axis 1) must equal num_parameters = "
                    + c + " (input and weight)", shape, weight.value().shape());
        }
        int inner = 1;
        for (int d = 2; d < shape.length; d++) {
            inner *= shape[d];
        }
        return inner;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        int inner = channelBlock(shape);
        double[] x = TensorData.read(input);
        double[] a = TensorData.read(weight.value());
        int channels = a.length;
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double slope = inner < 0 ? a[0] : a[(i / inner) % channels];
            y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
        this.input = input;
        return TensorData.wrap(DType.promote(input.dtype(), weight.value().dtype()), shape, y);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        LayerChecks.forwardDone("PReLU", input);
        int[] shape = input.shape();
        LayerChecks.gradShape("PReLU", gradOutput, shape);
        int inner = channelBlock(shape);
        double[] x = TensorData.read(input);
        double[] g = TensorData.read(gradOutput);
        double[] a = TensorData.read(weight.value());
        int channels = a.length;
        double[] gx = new double[x.length];
        double[] ga = new double[channels];
        for (int i = 0; i < x.length; i++) {
            int c = inner < 0 ? 0 : (i / inner) % channels;
            if (x[i] > 0) {
                gx[i] = g[i];
            } else {
                gx[i] = a[c] * g[i];
                ga[c] += x[i] * g[i];
            }
        }
        ParameterGrads.accumulate(weight, ga);
        return TensorData.wrap(input.dtype(), shape, gx);
    }

    @Override
    public String toString() {
        return "PReLU(num_parameters=" + weight.value().numel() + ")";
    }
}
