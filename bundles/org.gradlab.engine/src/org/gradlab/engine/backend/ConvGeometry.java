package org.gradlab.engine.backend;

import java.util.Arrays;

import org.gradlab.core.ShapeMismatchException;

/**
 * How a 2-d window moves over an (N, C, H, W) input: stride, zero padding and dilation per
 * spatial axis (h, w), and the number of channel groups. Convolutions and pooling layers share
 * it so the output-size rule and its error message exist once.
 */
public record ConvGeometry(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW, int groups) {

    public ConvGeometry {
        if (strideH < 1 || strideW < 1 || padH < 0 || padW < 0 || dilationH < 1 || dilationW < 1 || groups < 1) {
            throw new IllegalArgumentException("ConvGeometry: need stride >= 1, padding >= 0, dilation >= 1 and groups >= 1, got stride ("
                    + strideH + ", " + strideW + "), padding (" + padH + ", " + padW + "), dilation (" + dilationH
                    + ", " + dilationW + "), groups " + groups);
        }
    }

    /** Stride 1, no padding, dilation 1, one group. */
    public static ConvGeometry unit() {
        return new ConvGeometry(1, 1, 0, 0, 1, 1, 1);
    }

    /** Validates the settings of {@code layer}; each is one value for both axes or an (h, w) pair. */
    public static ConvGeometry of(String layer, int[] stride, int[] padding, int[] dilation, int groups) {
        int[] s = pair(layer, "stride", stride, 1);
        int[] p = pair(layer, "padding", padding, 0);
        int[] d = pair(layer, "dilation", dilation, 1);
        if (groups < 1) {
            throw new IllegalArgumentException(layer + ": groups must be at least 1, got " + groups);
        }
        return new ConvGeometry(s[0], s[1], p[0], p[1], d[0], d[1], groups);
    }

    /** A 2-d setting as an (h, w) pair: one value is used for both axes; each must be at least {@code min}. */
    public static int[] pair(String layer, String name, int[] v, int min) {
        if (v == null || v.length < 1 || v.length > 2) {
            throw new IllegalArgumentException(layer + ": " + name + " expected one integer or an (h, w) pair, got "
                    + Arrays.toString(v));
        }
        int[] hw = v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
        if (hw[0] < min || hw[1] < min) {
            throw new IllegalArgumentException(layer + ": " + name + " must be at least " + min + ", got "
                    + Arrays.toString(v));
        }
        return hw;
    }

    /** Checks a rank-4 tensor shape, e.g. "Conv2d: input expected 4 dimensions (N, C, H, W), got shape [3, 5]". */
    public static void requireRank4(String layer, String name, String layout, int[] shape) {
        if (shape.length != 4) {
            throw new ShapeMismatchException(layer + ": " + name + " expected 4 dimensions " + layout
                    + ", got shape " + Arrays.toString(shape));
        }
    }

    public int[] stride() {
        return new int[] {strideH, strideW};
    }

    public int[] padding() {
        return new int[] {padH, padW};
    }

    public int[] dilation() {
        return new int[] {dilationH, dilationW};
    }

    /**
     * (OH, OW) of a kH×kW window over an inH×inW input: ⌊(in + 2·pad − dil·(k−1) − 1) / stride⌋ + 1.
     * An empty output is an error that names the layer and every setting that produced it.
     */
    public int[] outputSize(String layer, int inH, int inW, int kH, int kW) {
        int oh = Math.floorDiv(inH + 2 * padH - dilationH * (kH - 1) - 1, strideH) + 1;
        int ow = Math.floorDiv(inW + 2 * padW - dilationW * (kW - 1) - 1, strideW) + 1;
        if (oh < 1 || ow < 1) {
            throw new ShapeMismatchException(layer + ": output would be empty: input " + inH + "x" + inW + ", kernel "
                    + kH + "x" + kW + ", " + describe() + " give an output of " + Math.max(oh, 0) + "x"
                    + Math.max(ow, 0) + " (the dilated kernel must fit in the padded input)");
        }
        return new int[] {oh, ow};
    }

    /**
     * (OH, OW) of the transposed convolution: (in − 1)·stride − 2·pad + dil·(k − 1) + outputPadding + 1,
     * the size whose convolution gives back {@code in} rows (output padding picks among the sizes that do).
     */
    public int[] transposedOutputSize(String layer, int inH, int inW, int kH, int kW, int[] outputPadding) {
        int oh = (inH - 1) * strideH - 2 * padH + dilationH * (kH - 1) + outputPadding[0] + 1;
        int ow = (inW - 1) * strideW - 2 * padW + dilationW * (kW - 1) + outputPadding[1] + 1;
        if (oh < 1 || ow < 1) {
            throw new ShapeMismatchException(layer + ": output would be empty: input " + inH + "x" + inW + ", kernel "
                    + kH + "x" + kW + ", " + describe() + ", output_padding (" + outputPadding[0] + ", "
                    + outputPadding[1] + ") give an output of " + Math.max(oh, 0) + "x" + Math.max(ow, 0));
        }
        return new int[] {oh, ow};
    }

    /**
     * Validates input (N, C, H, W) against weight (O, C/groups, kH, kW) and returns the
     * convolution's output shape (N, O, OH, OW); errors name {@code layer} and both shapes.
     */
    public int[] outputShape(String layer, int[] inputShape, int[] weightShape) {
        requireRank4(layer, "input", "(N, C, H, W)", inputShape);
        requireRank4(layer, "weight", "(out_channels, in_channels/groups, kH, kW)", weightShape);
        if (weightShape[0] % groups != 0) {
            throw ShapeMismatchException.of(layer, "groups " + groups + " does not divide the " + weightShape[0]
                    + " output channels of the weight", inputShape, weightShape);
        }
        if (inputShape[1] != weightShape[1] * groups) {
            throw ShapeMismatchException.of(layer, "input has " + inputShape[1] + " channels but the weight expects "
                    + weightShape[1] * groups + " (in_channels/groups " + weightShape[1] + " x groups " + groups + ")",
                    inputShape, weightShape);
        }
        int[] out = outputSize(layer, inputShape[2], inputShape[3], weightShape[2], weightShape[3]);
        return new int[] {inputShape[0], weightShape[0], out[0], out[1]};
    }

    /** "stride (2, 2), padding (1, 1), dilation (1, 1)" for messages. */
    public String describe() {
        return "stride (" + strideH + ", " + strideW + "), padding (" + padH + ", " + padW + "), dilation ("
                + dilationH + ", " + dilationW + ")";
    }
}
