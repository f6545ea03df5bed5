package org.gradlab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.gradlab.core.Layer;
import org.gradlab.core.Loss;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * The classification training loop: for each epoch, shuffled mini-batches (order drawn from the
 * seeded {@link Rng}), and per batch zero the gradients, forward, loss, backward, optimizer step.
 * The loss must take (N, C) logits and a (N) tensor of class indices, as CrossEntropyLoss does, and
 * average over the batch (reduction "mean"): epoch losses weight each batch by its size.
 */
public final class Trainer {
    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int batchSize;
    private final Rng rng;
    private final List<TrainingListener> listeners = new ArrayList<>();

    public Trainer(Layer model, Loss loss, Optimizer optimizer, int batchSize, Rng rng) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Trainer: batch size must be positive, got " + batchSize);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.batchSize = batchSize;
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Trains for {@code epochs} epochs without a test set. */
    public List<EpochMetrics> fit(Dataset train, int epochs) {
        return fit(train, null, epochs);
    }

    /** Trains for {@code epochs} epochs (numbered from 1), evaluating on {@code test} after each when non-null. */
    public List<EpochMetrics> fit(Dataset train, Dataset test, int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("Trainer: epochs must be >= 0, got " + epochs);
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("Trainer: the training set is empty");
        }
        List<EpochMetrics> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochMetrics metrics = trainEpoch(epoch, train, test);
            history.add(metrics);
            for (TrainingListener l : listeners) {
                l.onEpochEnd(metrics);
            }
        }
        return history;
    }

    private EpochMetrics trainEpoch(int epoch, Dataset train, Dataset test) {
        model.setTraining(true);
        List<Batch> batches = train.batches(batchSize, rng);
        double lossSum = 0;
        int correct = 0;
        for (int b = 0; b < batches.size(); b++) {
            Batch batch = batches.get(b);
            optimizer.zeroGrad();
            Tensor logits = model.forward(batch.inputs());
            double batchLoss = loss.forward(logits, batch.targets());
            model.backward(loss.backward());
            optimizer.step();
            int batchCorrect = Metrics.correct(logits, batch.labels());
            lossSum += batchLoss * batch.size();
            correct += batchCorrect;
            BatchMetrics bm = new BatchMetrics(epoch, b, batches.size(), batch.size(), batchLoss,
                    (double) batchCorrect / batch.size());
            for (TrainingListener l : listeners) {
                l.onBatchEnd(bm);
            }
        }
        OptionalDouble testLoss = OptionalDouble.empty();
        OptionalDouble testAccuracy = OptionalDouble.empty();
        if (test != null) {
            Evaluation e = evaluate(test);
            testLoss = OptionalDouble.of(e.loss());
            testAccuracy = OptionalDouble.of(e.accuracy());
        }
        return new EpochMetrics(epoch, lossSum / train.size(), (double) correct / train.size(), testLoss,
                testAccuracy);
    }

    /**
     * Loss and accuracy on {@code data} in evaluation mode (dropout off, batch norm on running
     * statistics), in batches of the training size; the model is back in training mode afterwards.
     */
    public Evaluation evaluate(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("Trainer: cannot evaluate on an empty data set");
        }
        model.setTraining(false);
        try {
            double lossSum = 0;
            int correct = 0;
            for (Batch batch : data.batches(batchSize, null)) {
                Tensor logits = model.forward(batch.inputs());
                lossSum += loss.forward(logits, batch.targets()) * batch.size();
                correct += Metrics.correct(logits, batch.labels());
            }
            return new Evaluation(lossSum / data.size(), (double) correct / data.size(), correct, data.size());
        } finally {
            model.setTraining(true);
        }
    }
}
