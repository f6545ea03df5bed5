package org.gradlab.engine.models;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;

/**
 * A named list of {@link LayerSpec}s with the per-sample input shape it was designed for: the single
 * description from which a model is both built ({@link #build}) and summarised ({@link #summary}).
 */
public record Architecture(String name, int[] inputShape, List<LayerSpec> layers) {
    public Architecture {
        inputShape = inputShape.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Builds float64 layers. */
    public Sequential build(Rng rng) {
        return build(DType.FLOAT64, rng);
    }

    /** Builds every layer in order from one generator, so a seed fixes all initial weights. */
    public Sequential build(DType dtype, Rng rng) {
        return new Sequential(buildLayers(layers, dtype, rng));
    }

    static List<Layer> buildLayers(List<LayerSpec> specs, DType dtype, Rng rng) {
        List<Layer> built = new ArrayList<>(specs.size());
        for (LayerSpec spec : specs) {
            built.add(spec.build(dtype, rng));
        }
        return built;
    }

    /** Sum of the layers' parameter counts (needs no input shape and allocates no weights). */
    public long parameterCount() {
        long total = 0;
        for (LayerSpec spec : layers) {
            total += spec.parameterCount();
        }
        return total;
    }

    /** Summary for the designed input shape. */
    public ModelSummary summary() {
        return ModelSummary.of(layers, inputShape);
    }

    /** Summary for another per-sample input shape; throws ShapeMismatchException when it does not fit. */
    public ModelSummary summary(int... input) {
        return ModelSummary.of(layers, input);
    }
}
