package linear;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * A classifier made of two of your Linear layers with a ReLU between them:
 * logits = Linear(hidden → classes)(max(0, Linear(in → hidden)(x))), trained with minibatch SGD on
 * the softmax cross-entropy of the logits.
 */
public final class TwoLayerNet {
    /** Examples per SGD step in {@link #train}; the last batch of an epoch may be smaller. */
    public static final int BATCH_SIZE = 20;

    private final Linear hidden;
    private final Linear output;

    /** The hidden layer's parameters are drawn from {@code rng} first, then the output layer's. */
    public TwoLayerNet(int in, int hidden, int classes, Rng rng) {
        this.hidden = new Linear(in, hidden, rng);
        this.output = new Linear(hidden, classes, rng);
    }

    public Linear hidden() {
        return hidden;
    }

    public Linear output() {
        return output;
    }

    /** The hidden layer's weight and bias, then the output layer's. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(hidden.parameters());
        all.addAll(output.parameters());
        return all;
    }

    /** Returns the logits (N, classes) for x (N, in): output(max(0, hidden(x))). Keep what backward needs. */
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException("TODO: TwoLayerNet.forward: Linear, ReLU (max(0, x)), Linear");
    }

    /**
     * ADDS the gradients of all four parameters for dL/dlogits = {@code gradLogits} (through the
     * output layer, the ReLU's mask, the hidden layer).
     */
    public void backward(Tensor gradLogits) {
        throw new UnsupportedOperationException("TODO: TwoLayerNet.backward: back through Linear, the ReLU mask,"
                + " Linear");
    }

    /**
     * Minibatch SGD on the mean softmax cross-entropy: each epoch visits the examples in a new
     * order drawn from {@code rng}, in batches of {@link #BATCH_SIZE}; per batch zero the
     * gradients, forward, backward of (softmax − one-hot)/B, then value −= lr·grad. Returns, per
     * epoch, the accuracy on all of {@code x} after that epoch (argmax of the logits; labels are
     * class indices 0…classes−1 stored as doubles, shape (N)).
     */
    public static double[] train(TwoLayerNet net, Tensor x, Tensor labels, int epochs, double lr, Rng rng) {
        throw new UnsupportedOperationException("TODO: TwoLayerNet.train: minibatch SGD with softmax cross-entropy;"
                + " accuracy per epoch");
    }
}
