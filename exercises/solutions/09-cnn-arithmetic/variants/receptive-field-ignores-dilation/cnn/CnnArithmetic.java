package cnn;

import java.util.List;

/**
 * The arithmetic of a CNN, from its description alone: output shapes, receptive field, parameter
 * count and multiply-adds. Shapes are per sample, without the batch axis (see {@link LayerDesc}).
 */
public final class CnnArithmetic {
    private CnnArithmetic() {
    }

    /** The shape after the whole list: [C', H', W'] while spatial, [F] after flatten/linear. */
    public static int[] outputShape(List<LayerDesc> layers, int[] inputChw) {
        int[] shape = inputChw.clone();
        for (LayerDesc l : layers) {
            shape = next(l, shape);
        }
        return shape;
    }

    /**
     * Side r of the input window behind one output, with the jump j between neighbouring outputs in
     * input pixels: a window spanning e input pixels of its own input adds (e − 1)·j, and its stride
     * multiplies j.
     */
    public static int receptiveField(List<LayerDesc> layers) {
        int r = 1;
        int jump = 1;
        for (LayerDesc l : layers) {
            if (l.windowed()) {
                r += (l.kernel() - 1) * jump;
                jump *= l.stride();
            }
        }
        return r;
    }

    public static long parameters(List<LayerDesc> layers, int[] inputChw) {
        long total = 0;
        int[] shape = inputChw.clone();
        for (LayerDesc l : layers) {
            long biases = l.bias() ? l.outChannels() : 0;
            if (l.kind().equals(LayerDesc.CONV)) {
                total += (long) l.outChannels() * (shape[0] / l.groups()) * l.kernel() * l.kernel() + biases;
            } else if (l.kind().equals(LayerDesc.LINEAR)) {
                total += (long) shape[0] * l.outChannels() + biases;
            }
            shape = next(l, shape);
        }
        return total;
    }

    public static long multiplyAdds(List<LayerDesc> layers, int[] inputChw) {
        long total = 0;
        int[] shape = inputChw.clone();
        for (LayerDesc l : layers) {
            int[] out = next(l, shape);
            if (l.kind().equals(LayerDesc.CONV)) {
                // every output element is one dot product over its group's channels and the kernel
                total += (long) out[0] * out[1] * out[2] * (shape[0] / l.groups()) * l.kernel() * l.kernel();
            } else if (l.kind().equals(LayerDesc.LINEAR)) {
                total += (long) shape[0] * l.outChannels();
            }
            shape = out;
        }
        return total;
    }

    /** The shape one layer makes of {@code in}. */
    private static int[] next(LayerDesc l, int[] in) {
        return switch (l.kind()) {
            case LayerDesc.CONV -> new int[] {l.outChannels(), size(l, in[1]), size(l, in[2])};
            case LayerDesc.MAXPOOL, LayerDesc.AVGPOOL -> new int[] {in[0], size(l, in[1]), size(l, in[2])};
            case LayerDesc.FLATTEN -> new int[] {numel(in)};
            case LayerDesc.LINEAR -> new int[] {l.outChannels()};
            default -> in.clone();
        };
    }

    /** Input pixels one window covers: a dilated kernel has gaps of d − 1 between its k taps. */
    private static int span(LayerDesc l) {
        return l.dilation() * (l.kernel() - 1) + 1;
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static int size(LayerDesc l, int n) {
        return (n + 2 * l.padding() - span(l)) / l.stride() + 1;
    }
}
