package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;

/** Maxout over groups of k consecutive channels, with explicit loops and the winner of each group kept. */
public final class Maxout implements Layer {
    private final int pieces;
    private int[] inputShape;
    private int[] winner; // flat input index of the first maximum, per output element

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
        int channels = s[1] / pieces;
        int rest = input.numel() / (s[0] * s[1]);
        int[] outShape = s.clone();
        outShape[1] = channels;
        Tensor y = Tensor.zeros(outShape);
        winner = new int[y.numel()];
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < channels; c++) {
                for (int r = 0; r < rest; r++) {
                    int best = ((n * s[1]) + c * pieces) * rest + r;
                    for (int j = 1; j < pieces; j++) {
                        int p = ((n * s[1]) + c * pieces + j) * rest + r;
                        if (input.getFlat(p) > input.getFlat(best)) { // strict: the first maximum wins
                            best = p;
                        }
                    }
                    int out = (n * channels + c) * rest + r;
                    y.setFlat(out, input.getFlat(best));
                    winner[out] = best;
                }
            }
        }
        inputShape = s;
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (winner == null) {
            throw new IllegalStateException("Maxout: backward called before forward");
        }
        Tensor gx = Tensor.zeros(inputShape);
        for (int out = 0; out < winner.length; out++) {
            gx.setFlat(winner[out], gx.getFlat(winner[out]) + gradOutput.getFlat(out));
        }
        return gx;
    }
}
