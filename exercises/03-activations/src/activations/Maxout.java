package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Maxout: input (N, C·k, …) → output (N, C, …), the maximum over each group of k = pieces
 * consecutive channels (channels c·k … c·k + k − 1 form group c).
 */
public final class Maxout implements Layer {
    private final int pieces;

    public Maxout(int pieces) {
        this.pieces = pieces;
    }

    /** Returns the group maxima, shape (N, C, …); keep what backward needs. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: Maxout.forward: maximum over each group of pieces channels");
    }

    /** Returns dL/dinput: each output's gradient goes to the (first) maximum of its group, 0 elsewhere. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: Maxout.backward: route the gradient to each group's maximum");
    }
}
