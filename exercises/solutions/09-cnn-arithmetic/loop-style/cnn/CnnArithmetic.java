package cnn;

import java.util.List;

/**
 * Another correct way: the receptive field grown backwards from one output pixel (a window of
 * span e and stride s needs (r − 1)·s + e input pixels for r output pixels), and each count
 * computed by its own walk with explicit height and width variables.
 */
public final class CnnArithmetic {
    private CnnArithmetic() {
    }

    public static int[] outputShape(List<LayerDesc> layers, int[] inputChw) {
        int c = inputChw[0];
        int h = inputChw[1];
        int w = inputChw[2];
        int flat = -1; // features once flattened
        for (LayerDesc l : layers) {
            String k = l.kind();
            if (k.equals("flatten")) {
                flat = c * h * w;
            } else if (k.equals("linear")) {
                flat = l.outChannels();
            } else if (!k.equals("relu")) {
                int span = l.dilation() * (l.kernel() - 1) + 1;
                h = (h + 2 * l.padding() - span) / l.stride() + 1;
                w = (w + 2 * l.padding() - span) / l.stride() + 1;
                if (k.equals("conv")) {
                    c = l.outChannels();
                }
            }
        }
        return flat < 0 ? new int[] {c, h, w} : new int[] {flat};
    }

    public static int receptiveField(List<LayerDesc> layers) {
        int r = 1;
        for (int i = layers.size() - 1; i >= 0; i--) {
            LayerDesc l = layers.get(i);
            if (!l.kind().equals("relu")) {
                r = (r - 1) * l.stride() + l.dilation() * (l.kernel() - 1) + 1;
            }
        }
        return r;
    }

    public static long parameters(List<LayerDesc> layers, int[] inputChw) {
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerDesc l = layers.get(i);
            int[] in = outputShape(layers.subList(0, i), inputChw);
            if (l.kind().equals("conv")) {
                long perFilter = (long) in[0] / l.groups() * l.kernel() * l.kernel();
                total += l.outChannels() * (perFilter + (l.bias() ? 1 : 0));
            } else if (l.kind().equals("linear")) {
                total += (long) l.outChannels() * (in[0] + (l.bias() ? 1 : 0));
            }
        }
        return total;
    }

    public static long multiplyAdds(List<LayerDesc> layers, int[] inputChw) {
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerDesc l = layers.get(i);
            int[] in = outputShape(layers.subList(0, i), inputChw);
            int[] out = outputShape(layers.subList(0, i + 1), inputChw);
            if (l.kind().equals("conv")) {
                long positions = (long) out[1] * out[2];
                total += positions * out[0] * (in[0] / l.groups()) * l.kernel() * l.kernel();
            } else if (l.kind().equals("linear")) {
                total += (long) in[0] * out[0];
            }
        }
        return total;
    }
}
