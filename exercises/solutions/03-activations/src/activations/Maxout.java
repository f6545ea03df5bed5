package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/**
 * Maxout: input (N, C·k, …) → output (N, C, …), the maximum over each group of k consecutive
 * channels. The gradient flows only to the (first) maximum of each group.
 */
public final class Maxout implements Layer {
    private final int pieces;
    private int[] inputShape;
    private Tensor winner; // (N, C, k, rest): 1 at the first maximum of each group

    public Maxout(int pieces) {
        this.pieces = pieces;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        if (s.length < 2 || s[1] % pieces != 0) {
            throw ShapeMismatchException.of("Maxout", "input must be (N, C·k, …) with its channel count divisible"
                    + " by pieces = " + pieces, s);
        }
        inputShape = s;
        Tensor groups = input.reshape(s[0], s[1] / pieces, pieces, -1);
        Tensor first = groups.argmax(2, true);
        winner = first.eq(Tensor.arange(pieces).reshape(1, 1, pieces, 1));
        int[] outShape = s.clone();
        outShape[1] = s[1] / pieces;
        return groups.max(2, false).reshape(outShape);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (winner == null) {
            throw new IllegalStateException("Maxout: backward called before forward");
        }
        int[] w = winner.shape();
        return winner.mul(gradOutput.reshape(w[0], w[1], 1, w[3])).reshape(inputShape);
    }
}
