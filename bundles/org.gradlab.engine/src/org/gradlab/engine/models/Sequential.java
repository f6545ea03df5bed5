package org.gradlab.engine.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * Layers applied one after another, as torch.nn.Sequential: forward chains them, backward runs
 * them in reverse. Parameter names are fixed when a layer creates them ("weight"), so the
 * PyTorch-style qualified names ("0.weight", "3.bias", nested "1.0.weight") live in
 * {@link #namedParameters()}; {@link #parameters()} is the plain list in the same order.
 */
public class Sequential implements Layer {
    private final List<Layer> layers;
    private boolean forwarded;

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    public Sequential(List<? extends Layer> layers) {
        Map<Layer, Integer> seen = new IdentityHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Integer first = seen.putIfAbsent(layers.get(i), i);
            if (first != null) {
                // a layer caches its last forward input for backward, so one instance cannot serve two positions
                throw new IllegalArgumentException("Sequential: layer " + i + " is the same instance as layer "
                        + first + "; use a new instance for each position");
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** The layers in order (unmodifiable). */
    public List<Layer> layers() {
        return layers;
    }

    public Layer get(int index) {
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        forwarded = true;
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        if (!forwarded) {
            throw new IllegalStateException("Sequential: backward called before forward");
        }
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** "index.name" → parameter in layer order, e.g. "0.weight", "0.bias", "2.weight". */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Sequential nested) {
                for (Map.Entry<String, Parameter> e : nested.namedParameters().entrySet()) {
                    named.put(i + "." + e.getKey(), e.getValue());
                }
            } else {
                for (Parameter p : layer.parameters()) {
                    if (named.putIfAbsent(i + "." + p.name(), p) != null) {
                        throw new IllegalStateException("Sequential: layer " + i + " has two parameters named "
                                + p.name());
                    }
                }
            }
        }
        return Collections.unmodifiableMap(named);
    }

    @Override
    public void setTraining(boolean training) {
        for (Layer layer : layers) {
            layer.setTraining(training);
        }
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            lines.add("  (" + i + "): " + layers.get(i).toString().replace("\n", "\n  "));
        }
        return getClass().getSimpleName() + "(" + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines) + "\n")
                + ")";
    }
}
