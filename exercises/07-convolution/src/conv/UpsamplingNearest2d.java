package conv;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Nearest-neighbour upsampling by integer factors: every pixel becomes a scaleH×scaleW block of
 * copies, (N, C, H, W) → (N, C, H·scaleH, W·scaleW).
 */
public final class UpsamplingNearest2d implements Layer {
    private final int scaleH;
    private final int scaleW;

    public UpsamplingNearest2d(int scaleH, int scaleW) {
        this.scaleH = scaleH;
        this.scaleW = scaleW;
    }

    /** Returns the upsampled (N, C, H·scaleH, W·scaleW) tensor. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("TODO: implement UpsamplingNearest2d.forward (repeat each pixel as a scaleH x scaleW block)");
    }

    /** Returns dL/dinput (N, C, H, W). */
    @Override
    public Tensor backward(Tensor gradOutput) {
        throw new UnsupportedOperationException("TODO: implement UpsamplingNearest2d.backward (gradient of each pixel from its whole block)");
    }
}
