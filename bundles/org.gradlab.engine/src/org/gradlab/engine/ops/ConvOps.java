package org.gradlab.engine.ops;

import static org.gradlab.engine.ops.OpSupport.run;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.AvgPool2d;
import org.gradlab.engine.nn.Conv2d;
import org.gradlab.engine.nn.ConvTranspose2d;
import org.gradlab.engine.nn.MaxPool2d;
import org.gradlab.engine.nn.UpsamplingNearest2d;

/**
 * Registers conv2d, conv_transpose2d, max_pool2d, avg_pool2d and upsample_nearest2d: each builds
 * the engine layer from the attributes (and the weight's shape), copies the given weights in and
 * runs forward and backward once. 2-d attributes are pairs or one integer for both axes.
 */
final class ConvOps {
    private static final int[] ONE = {1};
    private static final int[] ZERO = {0};

    private ConvOps() {
    }

    static void register(OpRegistry r) {
        r.tensor("conv2d", (attrs, in, g) -> {
            Tensor weight = in.get("weight", 4);
            Tensor bias = in.optional("bias");
            int groups = attrs.integer("groups", 1);
            // The random init is overwritten by the given weights; any seed will do.
            Conv2d layer = new Conv2d(weight.dtype(), weight.size(1) * groups, weight.size(0),
                    new int[] {weight.size(2), weight.size(3)}, attrs.pair("stride", ONE),
                    attrs.pair("padding", ZERO), attrs.pair("dilation", ONE), groups, bias != null, new Rng(0));
            OpSupport.loadWeightAndBias("conv2d", layer.weight(), layer.bias(), in);
            return run(layer, in.get("input"), g);
        });
        r.tensor("conv_transpose2d", (attrs, in, g) -> {
            Tensor weight = in.get("weight", 4);
            Tensor bias = in.optional("bias");
            int groups = attrs.integer("groups", 1);
            ConvTranspose2d layer = new ConvTranspose2d(weight.dtype(), weight.size(0), weight.size(1) * groups,
                    new int[] {weight.size(2), weight.size(3)}, attrs.pair("stride", ONE),
                    attrs.pair("padding", ZERO), attrs.pair("output_padding", ZERO), attrs.pair("dilation", ONE),
                    groups, bias != null, new Rng(0));
            OpSupport.loadWeightAndBias("conv_transpose2d", layer.weight(), layer.bias(), in);
            return run(layer, in.get("input"), g);
        });
        r.tensor("max_pool2d", (attrs, in, g) -> {
            floorModeOnly(attrs);
            MaxPool2d layer = new MaxPool2d(attrs.pair("kernel_size"), stride(attrs), attrs.pair("padding", ZERO),
                    attrs.pair("dilation", ONE));
            return run(layer, in.get("input"), g);
        });
        r.tensor("avg_pool2d", (attrs, in, g) -> {
            floorModeOnly(attrs);
            AvgPool2d layer = new AvgPool2d(attrs.pair("kernel_size"), stride(attrs), attrs.pair("padding", ZERO),
                    attrs.bool("count_include_pad", true));
            return run(layer, in.get("input"), g);
        });
        r.tensor("upsample_nearest2d", (attrs, in, g) -> {
            int[] scale = attrs.pair("scale_factor");
            return run(new UpsamplingNearest2d(scale[0], scale[1]), in.get("input"), g);
        });
    }

    /** Pooling stride: absent, null or an empty list means the kernel size (torch's default). */
    private static int[] stride(Attrs attrs) {
        return attrs.ints("stride", new int[0]).length == 0 ? null : attrs.pair("stride");
    }

    private static void floorModeOnly(Attrs attrs) {
        if (attrs.bool("ceil_mode", false)) {
            throw new IllegalArgumentException(attrs.op() + ": ceil_mode=true is not supported; only the default "
                    + "floor mode (ceil_mode=false) is implemented");
        }
    }
}
