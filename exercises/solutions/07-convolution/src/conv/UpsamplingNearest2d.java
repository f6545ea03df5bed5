package conv;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Nearest-neighbour upsampling by integer factors: every pixel becomes a scaleH×scaleW block,
 * (N, C, H, W) → (N, C, H·scaleH, W·scaleW). Seen as (N, C, H, scaleH, W, scaleW), forward is a
 * broadcast over the two block axes, so backward sums over them.
 */
public final class UpsamplingNearest2d implements Layer {
    private final int scaleH;
    private final int scaleW;
    private int[] inputShape;

    public UpsamplingNearest2d(int scaleH, int scaleW) {
        this.scaleH = scaleH;
        this.scaleW = scaleW;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        inputShape = s;
        Tensor blocks = input.reshape(s[0], s[1], s[2], 1, s[3], 1).mul(Tensor.ones(scaleH, 1, scaleW));
        return blocks.reshape(s[0], s[1], s[2] * scaleH, s[3] * scaleW);
    }

    /** Every output in a block is a copy of one input: its gradient is the block's sum. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        int[] s = inputShape;
        return gradOutput.reshape(s[0], s[1], s[2], scaleH, s[3], scaleW).sum(new int[] {3, 5}, false);
    }
}
