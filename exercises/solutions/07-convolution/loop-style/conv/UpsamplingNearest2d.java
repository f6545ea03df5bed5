package conv;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Nearest-neighbour upsampling with explicit loops: output (y, x) copies input (y / scaleH, x / scaleW). */
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
        inputShape = input.shape();
        int[] s = inputShape;
        Tensor y = Tensor.zeros(s[0], s[1], s[2] * scaleH, s[3] * scaleW);
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < s[1]; c++) {
                for (int r = 0; r < s[2] * scaleH; r++) {
                    for (int q = 0; q < s[3] * scaleW; q++) {
                        y.set(input.get(n, c, r / scaleH, q / scaleW), n, c, r, q);
                    }
                }
            }
        }
        return y;
    }

    /** Each input pixel was copied into its whole block, so its gradient is the block's sum. */
    @Override
    public Tensor backward(Tensor gradOutput) {
        int[] s = inputShape;
        Tensor dx = Tensor.zeros(s);
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < s[1]; c++) {
                for (int r = 0; r < s[2] * scaleH; r++) {
                    for (int q = 0; q < s[3] * scaleW; q++) {
                        int h = r / scaleH;
                        int w = q / scaleW;
                        dx.set(dx.get(n, c, h, w) + gradOutput.get(n, c, r, q), n, c, h, w);
                    }
                }
            }
        }
        return dx;
    }
}
