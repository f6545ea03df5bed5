package org.gradlab.engine.models;

import java.util.Objects;
import java.util.function.Supplier;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Shapes;

/**
 * One layer of an architecture described without weights: enough to infer output shapes, count
 * parameters and multiply-adds, follow the receptive field, and build the real layer.
 *
 * <p>Architectures are written once as spec lists ({@link Models}): the summary of VGG16 then needs
 * none of its 138 million weights (1.1 GB in float64), and what {@link Architecture#build} makes is
 * by construction what {@link ModelSummary} describes. Shapes here are per sample (no batch axis).
 */
public sealed interface LayerSpec {

    /** PyTorch-style description, e.g. {@code Conv2d(3, 64, kernel_size=3, padding=1)}. */
    String describe();

    /** The output shape for one sample; throws {@link ShapeMismatchException} when the input does not fit. */
    int[] outputShape(int[] input);

    long parameterCount();

    /** Multiply-adds for one sample; zero for layers without products of inputs and weights. */
    default long multAdds(int[] input, int[] output) {
        return 0;
    }

    /** The engine layer this spec describes, initialised from {@code rng}. */
    Layer build(DType dtype, Rng rng);

    // ------------------------------------------------------------ factories

    /** Stride 1, no padding, dilation 1, one group, with bias. */
    static Conv conv2d(int inChannels, int outChannels, int kernel) {
        return conv2d(inChannels, outChannels, kernel, 1, 0);
    }

    /** Dilation 1, one group, with bias. */
    static Conv conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        return new Conv(inChannels, outChannels, kernel, stride, padding, 1, 1, true);
    }

    static MaxPool maxPool2d(int kernel, int stride) {
        return new MaxPool(kernel, stride);
    }

    static LinearSpec linear(int in, int out) {
        return new LinearSpec(in, out, true);
    }

    static BatchNorm batchNorm2d(int features) {
        return new BatchNorm(features);
    }

    static FlattenSpec flatten() {
        return new FlattenSpec();
    }

    static DropoutSpec dropout(double p) {
        return new DropoutSpec(p);
    }

    static Elementwise relu() {
        return new Elementwise("ReLU", org.gradlab.engine.nn.ReLU::new);
    }

    static Elementwise sigmoid() {
        return new Elementwise("Sigmoid", org.gradlab.engine.nn.Sigmoid::new);
    }

    static Elementwise tanh() {
        return new Elementwise("Tanh", org.gradlab.engine.nn.Tanh::new);
    }

    // ------------------------------------------------------------ kinds

    /** Square 2-d convolution, as torch.nn.Conv2d with an int kernel_size. */
    record Conv(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation, int groups,
            boolean bias) implements LayerSpec {
        public Conv {
            positive("Conv2d", "in_channels", inChannels);
            positive("Conv2d", "out_channels", outChannels);
            positive("Conv2d", "kernel_size", kernel);
            positive("Conv2d", "stride", stride);
            positive("Conv2d", "dilation", dilation);
            positive("Conv2d", "groups", groups);
            if (padding < 0) {
                throw new IllegalArgumentException("Conv2d: padding must be >= 0, got " + padding);
            }
            if (inChannels % groups != 0 || outChannels % groups != 0) {
                throw new IllegalArgumentException("Conv2d: in_channels " + inChannels + " and out_channels "
                        + outChannels + " must both be divisible by groups " + groups);
            }
        }

        /** Input pixels one kernel spans: dilation·(kernel − 1) + 1. */
        public int effectiveKernel() {
            return dilation * (kernel - 1) + 1;
        }

        @Override
        public String describe() {
            return "Conv2d(" + inChannels + ", " + outChannels + ", kernel_size=" + kernel
                    + (stride != 1 ? ", stride=" + stride : "") + (padding != 0 ? ", padding=" + padding : "")
                    + (dilation != 1 ? ", dilation=" + dilation : "") + (groups != 1 ? ", groups=" + groups : "")
                    + (bias ? "" : ", bias=False") + ")";
        }

        @Override
        public int[] outputShape(int[] input) {
            requireChw("Conv2d", input, inChannels);
            return new int[] {outChannels, window("Conv2d", input, input[1], effectiveKernel(), stride, padding),
                window("Conv2d", input, input[2], effectiveKernel(), stride, padding)};
        }

        @Override
        public long parameterCount() {
            return (long) outChannels * (inChannels / groups) * kernel * kernel + (bias ? outChannels : 0);
        }

        /** outC·outH·outW·(inC/groups)·k·k: one per weight per output position (bias adds not counted). */
        @Override
        public long multAdds(int[] input, int[] output) {
            return (long) output[0] * output[1] * output[2] * (inChannels / groups) * kernel * kernel;
        }

        @Override
        public Layer build(DType dtype, Rng rng) {
            return new org.gradlab.engine.nn.Conv2d(dtype, inChannels, outChannels, new int[] {kernel},
                    new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups, bias, rng);
        }
    }

    /** Max pooling without padding (floor mode, as PyTorch's default). */
    record MaxPool(int kernel, int stride) implements LayerSpec {
        public MaxPool {
            positive("MaxPool2d", "kernel_size", kernel);
            positive("MaxPool2d", "stride", stride);
        }

        @Override
        public String describe() {
            return "MaxPool2d(kernel_size=" + kernel + ", stride=" + stride + ")";
        }

        @Override
        public int[] outputShape(int[] input) {
            requireChw("MaxPool2d", input, -1);
            return new int[] {input[0], window("MaxPool2d", input, input[1], kernel, stride, 0),
                window("MaxPool2d", input, input[2], kernel, stride, 0)};
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public Layer build(DType dtype, Rng rng) {
            return new org.gradlab.engine.nn.MaxPool2d(kernel, stride);
        }
    }

    /** Fully connected layer on the last axis, as torch.nn.Linear. */
    record LinearSpec(int in, int out, boolean bias) implements LayerSpec {
        public LinearSpec {
            positive("Linear", "in_features", in);
            positive("Linear", "out_features", out);
        }

        @Override
        public String describe() {
            return "Linear(" + in + ", " + out + (bias ? "" : ", bias=False") + ")";
        }

        @Override
        public int[] outputShape(int[] input) {
            if (input.length == 0 || input[input.length - 1] != in) {
                throw ShapeMismatchException.of("Linear", "input expected last dimension " + in, input);
            }
            int[] out = input.clone();
            out[out.length - 1] = this.out;
            return out;
        }

        @Override
        public long parameterCount() {
            return (long) in * out + (bias ? out : 0);
        }

        /** in·out per row of the input (one row for a flat feature vector). */
        @Override
        public long multAdds(int[] input, int[] output) {
            return (long) in * out * (Shapes.numel(input) / in);
        }

        @Override
        public Layer build(DType dtype, Rng rng) {
            return new org.gradlab.engine.nn.Linear(dtype, in, out, bias, rng);
        }
    }

    /** Batch normalisation over the channels of (C, H, W) (eps 1e-5, momentum 0.1); two parameters per channel. */
    record BatchNorm(int features) implements LayerSpec {
        public BatchNorm {
            positive("BatchNorm2d", "num_features", features);
        }

        @Override
        public String describe() {
            return "BatchNorm2d(" + features + ")";
        }

        @Override
        public int[] outputShape(int[] input) {
            requireChw("BatchNorm2d", input, features);
            return input.clone();
        }

        /** weight and bias; the running mean and variance are buffers, not parameters (as in PyTorch). */
        @Override
        public long parameterCount() {
            return 2L * features;
        }

        @Override
        public Layer build(DType dtype, Rng rng) {
            return new org.gradlab.engine.nn.BatchNorm2d(dtype, features, 1e-5, 0.1);
        }
    }

    /** Flattens every axis of a sample into one (torch.nn.Flatten with start_dim=1). */
    record FlattenSpec() implements LayerSpec {
        @Override
        public String describe() {
            return "Flatten()";
        }

        @Override
        public int[] outputShape(int[] input) {
            return new int[] {Shapes.numel(input)};
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public Layer build(DType dtype, Rng rng) {
            return new org.gradlab.engine.nn.Flatten();
        }
    }

    /** A parameter-free layer whose output has its input's shape (dropout, the activations). */
    sealed interface ShapePreserving extends LayerSpec {
        @Override
        default int[] outputShape(int[] input) {
            return input.clone();
        }

        @Override
        default long parameterCount() {
            return 0;
        }
    }

    record DropoutSpec(double p) implements ShapePreserving {
        public DropoutSpec {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("Dropout: p must be in [0, 1], got " + p);
            }
        }

        @Override
        public String describe() {
            return "Dropout(p=" + p + ")";
        }

        /** Gets its own stream so that its masks do not shift the initialisation of later layers. */
        @Override
        public Layer build(DType dtype, Rng rng) {
            return new org.gradlab.engine.nn.Dropout(p, rng.split());
        }
    }

    /** A parameter-free, shape-preserving layer applied element by element (an activation). */
    record Elementwise(String name, Supplier<? extends Layer> factory) implements ShapePreserving {
        public Elementwise {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(factory, "factory");
        }

        @Override
        public String describe() {
            return name + "()";
        }

        @Override
        public Layer build(DType dtype, Rng rng) {
            return factory.get();
        }
    }

    // ------------------------------------------------------------ shared shape arithmetic

    private static void positive(String layer, String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(layer + ": " + what + " must be positive, got " + value);
        }
    }

    private static void requireChw(String layer, int[] input, int channels) {
        if (input.length != 3) {
            throw ShapeMismatchException.of(layer, "input expected 3 dimensions per sample (C, H, W), got "
                    + input.length, input);
        }
        if (channels >= 0 && input[0] != channels) {
            throw ShapeMismatchException.of(layer, "input expected " + channels + " channels, got " + input[0], input);
        }
    }

    /** floor((size + 2·padding − kernel) / stride) + 1 for the (effective) kernel; at least 1. */
    private static int window(String layer, int[] input, int size, int kernel, int stride, int padding) {
        int span = size + 2 * padding - kernel;
        if (span < 0) {
            throw ShapeMismatchException.of(layer, "kernel " + kernel + " is larger than the padded input "
                    + (size + 2 * padding), input);
        }
        return span / stride + 1;
    }

    /** "64x224x224": the per-sample shape as the summary prints it. */
    static String format(int[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return sb.toString();
    }
}
