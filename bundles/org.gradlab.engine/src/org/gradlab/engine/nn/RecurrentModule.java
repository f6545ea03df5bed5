package org.gradlab.engine.nn;

import java.util.List;

import org.gradlab.core.Parameter;

/**
 * The name and the {@link RecurrentWeights} of a recurrent cell or sequence module, with the
 * accessors all four (RNNCell, LSTMCell, RNN, LSTM) expose. A sequence module shares its cell's
 * weights, so both answer from the same object.
 */
abstract class RecurrentModule {
    final String name;
    final RecurrentWeights weights;

    RecurrentModule(String name, RecurrentWeights weights) {
        this.name = name;
        this.weights = weights;
    }

    public int inputSize() {
        return weights.inputSize;
    }

    public int hiddenSize() {
        return weights.hiddenSize;
    }

    /** (G·H, I) for G gates, gate blocks stacked in PyTorch's order. */
    public Parameter weightIh() {
        return weights.weightIh;
    }

    /** (G·H, H) for G gates. */
    public Parameter weightHh() {
        return weights.weightHh;
    }

    public Parameter biasIh() {
        return weights.biasIh;
    }

    public Parameter biasHh() {
        return weights.biasHh;
    }

    public List<Parameter> parameters() {
        return weights.parameters();
    }

    @Override
    public String toString() {
        return name + "(" + weights.inputSize + ", " + weights.hiddenSize + ")";
    }
}
