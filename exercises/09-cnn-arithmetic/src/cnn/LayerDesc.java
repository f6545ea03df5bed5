package cnn;

import java.util.List;

/**
 * Given (no need to change it): one layer of a CNN described without weights, as the arithmetic of
 * {@link CnnArithmetic} needs it. Shapes are per sample (no batch axis): a feature map is
 * {@code [C, H, W]}, a flat vector {@code [F]}. Input sizes are never stored here — a layer's input
 * channels (or features) are whatever the layer before it produces.
 *
 * <table>
 * <caption>What each kind reads (the other fields hold the neutral values shown by its factory)</caption>
 * <tr><th>kind</th><th>meaning</th><th>fields used</th></tr>
 * <tr><td>"conv"</td><td>torch.nn.Conv2d with a square kernel</td>
 *     <td>outChannels, kernel, stride, padding, dilation, groups, bias</td></tr>
 * <tr><td>"maxpool", "avgpool"</td><td>square pooling window, floor mode; keeps the channels</td>
 *     <td>kernel, stride, padding</td></tr>
 * <tr><td>"linear"</td><td>torch.nn.Linear on a flat input [F]: F in-features</td>
 *     <td>outChannels (= out-features), bias</td></tr>
 * <tr><td>"relu"</td><td>elementwise, keeps the shape</td><td>none</td></tr>
 * <tr><td>"flatten"</td><td>[C, H, W] → [C·H·W]</td><td>none</td></tr>
 * </table>
 *
 * @param outChannels output channels (conv) or output features (linear); 0 for the other kinds
 * @param kernel      side of the square kernel or pooling window
 * @param stride      step between neighbouring windows
 * @param padding     zeros (conv) or ignored cells (pooling) added on every side
 * @param dilation    spacing between kernel taps (conv only; 1 = a plain kernel)
 * @param groups      conv only: input and output channels are split into this many groups, each
 *                    output channel sees only the inC/groups input channels of its group
 * @param bias        whether a conv or linear layer adds a bias (one per output channel/feature)
 */
public record LayerDesc(String kind, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
        boolean bias) {
    public static final String CONV = "conv";
    public static final String MAXPOOL = "maxpool";
    public static final String AVGPOOL = "avgpool";
    public static final String LINEAR = "linear";
    public static final String RELU = "relu";
    public static final String FLATTEN = "flatten";
    private static final List<String> KINDS = List.of(CONV, MAXPOOL, AVGPOOL, LINEAR, RELU, FLATTEN);

    public LayerDesc {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("LayerDesc: kind must be one of " + KINDS + ", got " + kind);
        }
        if (kernel < 1 || stride < 1 || dilation < 1 || groups < 1 || padding < 0 || outChannels < 0) {
            throw new IllegalArgumentException("LayerDesc: kernel, stride, dilation and groups must be >= 1,"
                    + " padding and outChannels >= 0: " + kind + " k=" + kernel + " s=" + stride + " p=" + padding
                    + " d=" + dilation + " g=" + groups + " out=" + outChannels);
        }
    }

    /** A conv with dilation 1, one group and a bias. */
    public static LayerDesc conv(int outChannels, int kernel, int stride, int padding) {
        return new LayerDesc(CONV, outChannels, kernel, stride, padding, 1, 1, true);
    }

    public static LayerDesc conv(int outChannels, int kernel, int stride, int padding, int dilation, int groups,
            boolean bias) {
        return new LayerDesc(CONV, outChannels, kernel, stride, padding, dilation, groups, bias);
    }

    public static LayerDesc maxPool(int kernel, int stride, int padding) {
        return new LayerDesc(MAXPOOL, 0, kernel, stride, padding, 1, 1, false);
    }

    public static LayerDesc avgPool(int kernel, int stride, int padding) {
        return new LayerDesc(AVGPOOL, 0, kernel, stride, padding, 1, 1, false);
    }

    public static LayerDesc linear(int outFeatures, boolean bias) {
        return new LayerDesc(LINEAR, outFeatures, 1, 1, 0, 1, 1, bias);
    }

    public static LayerDesc relu() {
        return new LayerDesc(RELU, 0, 1, 1, 0, 1, 1, false);
    }

    public static LayerDesc flatten() {
        return new LayerDesc(FLATTEN, 0, 1, 1, 0, 1, 1, false);
    }

    /** True for the kinds that slide a window over the feature map: conv and the two poolings. */
    public boolean windowed() {
        return kind.equals(CONV) || kind.equals(MAXPOOL) || kind.equals(AVGPOOL);
    }
}
