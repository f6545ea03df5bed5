package org.gradlab.engine.models;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Rng;

/**
 * Ready-made architectures, each written once as a {@link LayerSpec} list: the {@code ...Architecture()}
 * methods describe them (summaries and parameter counts without allocating weights), the
 * short-named methods build them as float64 {@link Sequential} models.
 */
public final class Models {
    /** VGG configuration "D" (16 weight layers): channel widths, with 0 for a 2×2 max pool. */
    private static final int[] VGG16_FEATURES = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0,
        512, 512, 512, 0, 512, 512, 512, 0};

    private Models() {
    }

    /**
     * VGG16 (Simonyan &amp; Zisserman 2015, configuration D) for 3×224×224 ImageNet input, as
     * torchvision's vgg16 without batch norm: 13 3×3 convolutions (padding 1) with ReLU in five blocks
     * each ending in a 2×2 max pool, then Linear(25088, 4096), ReLU, Dropout, Linear(4096, 4096), ReLU,
     * Dropout, Linear(4096, 1000). 138,357,544 parameters. torchvision's AdaptiveAvgPool2d((7, 7)) is
     * left out: at 224×224 the features are already 7×7 and it is the identity.
     */
    public static Architecture vgg16Architecture() {
        List<LayerSpec> layers = vggFeatures(VGG16_FEATURES, 3);
        layers.add(LayerSpec.flatten());
        layers.add(LayerSpec.linear(512 * 7 * 7, 4096));
        layers.add(LayerSpec.relu());
        layers.add(LayerSpec.dropout(0.5));
        layers.add(LayerSpec.linear(4096, 4096));
        layers.add(LayerSpec.relu());
        layers.add(LayerSpec.dropout(0.5));
        layers.add(LayerSpec.linear(4096, 1000));
        return new Architecture("vgg16", new int[] {3, 224, 224}, layers);
    }

    /**
     * VGG16 for 3×32×32 (CIFAR) input: the same 13 convolutions, after which the five pools leave
     * 512×1×1, and a small classifier Linear(512, 512), ReLU, Dropout(0.5), Linear(512, classes) in
     * place of the 4096-wide ImageNet one, which expects 512·7·7 features. Parameters: 14,714,688
     * (convolutions) + 262,656 + 513·classes, so 14,982,474 for 10 classes.
     */
    public static Architecture vgg16CifarArchitecture(int classes) {
        List<LayerSpec> layers = vggFeatures(VGG16_FEATURES, 3);
        layers.add(LayerSpec.flatten());
        layers.add(LayerSpec.linear(512, 512));
        layers.add(LayerSpec.relu());
        layers.add(LayerSpec.dropout(0.5));
        layers.add(LayerSpec.linear(512, classes));
        return new Architecture("vgg16-cifar", new int[] {3, 32, 32}, layers);
    }

    /**
     * The AlexNet-style network of Zhang et al. 2017 ("Understanding deep learning requires rethinking
     * generalization"), small enough to memorise random labels, for 1×28×28 input. Spatial sizes
     * 28 → 25 (k4) → 23 (k3) → 23 (k5 p2) → 11 (pool 3/2) → 11 → 11 → 11 (k3 p1) → 5 (pool 3/2),
     * so the classifier sees 256·5·5 = 6400 features. Dropout uses p = 0.5. 8,925,738 parameters.
     */
    public static Architecture memorizationAlexNetArchitecture() {
        List<LayerSpec> layers = new ArrayList<>(List.of(
                LayerSpec.conv2d(1, 96, 4), LayerSpec.relu(),
                LayerSpec.conv2d(96, 96, 3), LayerSpec.relu(),
                LayerSpec.conv2d(96, 256, 5, 1, 2), LayerSpec.relu(),
                LayerSpec.maxPool2d(3, 2),
                LayerSpec.conv2d(256, 384, 3, 1, 1), LayerSpec.relu(),
                LayerSpec.conv2d(384, 384, 3, 1, 1), LayerSpec.relu(),
                LayerSpec.conv2d(384, 256, 3, 1, 1), LayerSpec.relu(),
                LayerSpec.maxPool2d(3, 2),
                LayerSpec.dropout(0.5),
                LayerSpec.flatten(),
                LayerSpec.linear(256 * 5 * 5, 800), LayerSpec.relu(),
                LayerSpec.linear(800, 10)));
        return new Architecture("memorization-alexnet", new int[] {1, 28, 28}, layers);
    }

    /** Flatten, then an {@link MLP} with ReLU: accepts any input with sizes[0] elements per sample. */
    public static Architecture mlpArchitecture(int... sizes) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.flatten());
        layers.addAll(MLP.specs(sizes, LayerSpec.relu()));
        return new Architecture("mlp", new int[] {sizes[0]}, layers);
    }

    /** Builds {@link #vgg16Architecture()}: allocates 138 million float64 weights and as many gradients (2.2 GB). */
    public static Sequential vgg16(Rng rng) {
        return vgg16Architecture().build(rng);
    }

    public static Sequential vgg16Cifar(int classes, Rng rng) {
        return vgg16CifarArchitecture(classes).build(rng);
    }

    public static Sequential memorizationAlexNet(Rng rng) {
        return memorizationAlexNetArchitecture().build(rng);
    }

    private static List<LayerSpec> vggFeatures(int[] config, int inChannels) {
        List<LayerSpec> layers = new ArrayList<>();
        int channels = inChannels;
        for (int width : config) {
            if (width == 0) {
                layers.add(LayerSpec.maxPool2d(2, 2));
            } else {
                layers.add(LayerSpec.conv2d(channels, width, 3, 1, 1));
                layers.add(LayerSpec.relu());
                channels = width;
            }
        }
        return layers;
    }
}
