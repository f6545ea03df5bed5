package memorization;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/** Given (no need to change it): layers one after another; backward runs them in reverse. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Layer l : layers) {
            x = l.forward(x);
        }
        return x;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.parameters()));
        return all;
    }

    @Override
    public void setTraining(boolean training) {
        layers.forEach(l -> l.setTraining(training));
    }
}
