package cnn;

import java.util.List;

/**
 * The arithmetic of a CNN, from its description alone: output shapes, receptive field, parameter
 * count and multiply-adds. Shapes are per sample, without the batch axis (see {@link LayerDesc}).
 * Inputs are always valid (every window fits its padded input, groups divide the channels).
 *
 * <p>Numbers to check yourself against (the course's): VGG16 at 3×224×224 has 138,357,544
 * parameters and does 15,470,264,320 multiply-adds, and one output of its last pooling layer sees a
 * 212×212 window of the image. An Inception module on a 256×32×32 input (four branches side by side,
 * each a list of its own; add up their counts; every conv has a bias and is padded to keep 32×32):
 * <ul>
 * <li>naive — 1×1 conv 124 | 3×3 conv 192 | 5×5 conv 96 | 3×3 max pool (stride 1, padding 1):
 * 1,088,924 parameters, 1,114,636,288 multiply-adds;</li>
 * <li>with 1×1 reductions — 1×1 conv 124 | 1×1 conv 64, 3×3 conv 192 | 1×1 conv 64, 5×5 conv 96 |
 * 3×3 max pool, 1×1 conv 64: 345,692 parameters, 353,370,112 multiply-adds.</li>
 * </ul>
 */
public final class CnnArithmetic {
    private CnnArithmetic() {
    }

    /**
     * The shape after the whole list for a {@code [C, H, W]} input: [C', H', W'] while the layers are
     * spatial, [F] after flatten/linear. A window of side k, dilation d (pooling: d = 1), stride s and
     * padding p makes floor((H + 2p − d·(k − 1) − 1) / s) + 1 outputs along H, and likewise along W.
     * Must not change {@code inputChw}.
     */
    public static int[] outputShape(List<LayerDesc> layers, int[] inputChw) {
        throw new UnsupportedOperationException("TODO: CnnArithmetic.outputShape: follow the shape layer by layer");
    }

    /**
     * The side of the input window one output element of the last layer depends on. The list holds only
     * conv, pooling and relu layers (after flatten or linear every output sees the whole input).
     * Remember what stride does to the layers after it, and what dilation does to a kernel.
     */
    public static int receptiveField(List<LayerDesc> layers) {
        throw new UnsupportedOperationException("TODO: CnnArithmetic.receptiveField: grow it layer by layer");
    }

    /**
     * The number of trainable parameters for a {@code [C, H, W]} input: conv weights
     * outC·(inC/groups)·k·k, linear weights in·out, plus one bias per output channel/feature where
     * {@code bias} is set; pooling, relu and flatten have none.
     */
    public static long parameters(List<LayerDesc> layers, int[] inputChw) {
        throw new UnsupportedOperationException("TODO: CnnArithmetic.parameters: weights (and biases) per layer");
    }

    /**
     * Multiply-adds of one forward pass for one {@code [C, H, W]} sample: a conv does
     * outC·outH·outW·(inC/groups)·k·k, a linear layer in·out; bias additions, pooling, relu and flatten
     * count 0.
     */
    public static long multiplyAdds(List<LayerDesc> layers, int[] inputChw) {
        throw new UnsupportedOperationException("TODO: CnnArithmetic.multiplyAdds: per layer, from its input and"
                + " output shapes");
    }
}
