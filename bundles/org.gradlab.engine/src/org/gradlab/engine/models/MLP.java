package org.gradlab.engine.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;

/**
 * A multilayer perceptron: Linear(sizes[0], sizes[1]), activation, …, Linear(sizes[n-2], sizes[n-1]),
 * with no activation after the last layer (its outputs are logits or regression values).
 */
public class MLP extends Sequential {

    public MLP(int[] sizes, Supplier<? extends Layer> activation, Rng rng) {
        this(DType.FLOAT64, sizes, activation, rng);
    }

    public MLP(DType dtype, int[] sizes, Supplier<? extends Layer> activation, Rng rng) {
        super(Architecture.buildLayers(specs(sizes, activationSpec(activation)), dtype, rng));
    }

    /** The layer specs of an MLP with the given widths and activation. */
    public static List<LayerSpec> specs(int[] sizes, LayerSpec activation) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("MLP: need at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            if (i > 0) {
                specs.add(activation);
            }
            specs.add(LayerSpec.linear(sizes[i], sizes[i + 1]));
        }
        return specs;
    }

    private static LayerSpec activationSpec(Supplier<? extends Layer> activation) {
        return new LayerSpec.Elementwise(activation.get().getClass().getSimpleName(), activation);
    }
}
