package org.gradlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.loss.CrossEntropyLoss;
import org.gradlab.engine.models.MLP;
import org.gradlab.engine.models.Sequential;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.engine.optim.SGD;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Two Gaussian blobs (σ 0.5) around (−1.5, −1.5) and (1.5, 1.5), alternating labels 0, 1. */
    static Dataset blobs(int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double centre = y[i] == 0 ? -1.5 : 1.5;
            x[2 * i] = centre + 0.5 * rng.normal();
            x[2 * i + 1] = centre + 0.5 * rng.normal();
        }
        return new Dataset(Tensor.of(x, n, 2), y);
    }

    /** Identity layer that records the training mode it was in at each forward. */
    static final class ModeProbe implements Layer {
        boolean training = true;
        final List<Boolean> forwardModes = new ArrayList<>();

        @Override
        public Tensor forward(Tensor input) {
            forwardModes.add(training);
            return input;
        }

        @Override
        public Tensor backward(Tensor gradOutput) {
            return gradOutput;
        }

        @Override
        public void setTraining(boolean training) {
            this.training = training;
        }
    }

    private static Trainer trainer(Layer model, long seed) {
        return new Trainer(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1), 8, new Rng(seed));
    }

    @Test
    void learnsTwoBlobsAndReportsEveryEpochAndBatch() {
        Dataset train = blobs(80, 1);
        Dataset test = blobs(40, 2);
        MLP model = new MLP(new int[] {2, 8, 2}, ReLU::new, new Rng(3));
        List<EpochMetrics> epochs = new ArrayList<>();
        List<BatchMetrics> batches = new ArrayList<>();
        Trainer t = trainer(model, 4).addListener(new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                epochs.add(m);
            }

            @Override
            public void onBatchEnd(BatchMetrics m) {
                batches.add(m);
            }
        });
        List<EpochMetrics> history = t.fit(train, test, 15);

        assertEquals(history, epochs, "one listener call per epoch, the same metrics as returned");
        assertEquals(15, epochs.size());
        assertEquals(1, epochs.get(0).epoch());
        assertEquals(15, epochs.get(14).epoch());
        assertEquals(15 * 10, batches.size(), "80 samples in batches of 8");
        assertEquals(new BatchMetrics(15, 9, 10, 8, batches.get(149).loss(), batches.get(149).accuracy()),
                batches.get(149));

        double first = history.get(0).trainLoss();
        double last = history.get(14).trainLoss();
        assertTrue(last < first / 4, "loss " + first + " -> " + last);
        assertEquals(1.0, history.get(14).trainAccuracy());
        assertEquals(1.0, history.get(14).testAccuracy().orElseThrow());
        assertTrue(history.get(14).testLoss().orElseThrow() < 0.1);

        Evaluation e = t.evaluate(train);
        assertEquals(80, e.count());
        assertEquals(80, e.correct());
        assertEquals(1.0, e.accuracy());
    }

    @Test
    void epochLossIsTheSampleWeightedMeanOfBatchLosses() {
        Dataset train = blobs(20, 5); // batches of 8, 8, 4
        MLP model = new MLP(new int[] {2, 4, 2}, ReLU::new, new Rng(6));
        List<BatchMetrics> batches = new ArrayList<>();
        Trainer t = trainer(model, 7).addListener(new TrainingListener() {
            @Override
            public void onBatchEnd(BatchMetrics m) {
                batches.add(m);
            }
        });
        EpochMetrics m = t.fit(train, 1).get(0);
        assertEquals(List.of(8, 8, 4), batches.stream().map(BatchMetrics::size).toList());
        double weighted = (8 * batches.get(0).loss() + 8 * batches.get(1).loss() + 4 * batches.get(2).loss()) / 20;
        assertEquals(weighted, m.trainLoss(), 1e-12);
        assertFalse(m.testLoss().isPresent());
        assertFalse(m.testAccuracy().isPresent());
    }

    @Test
    void sameSeedsGiveTheSameHistory() {
        Dataset train = blobs(30, 8);
        List<EpochMetrics> a = trainer(new MLP(new int[] {2, 4, 2}, ReLU::new, new Rng(9)), 10).fit(train, 3);
        List<EpochMetrics> b = trainer(new MLP(new int[] {2, 4, 2}, ReLU::new, new Rng(9)), 10).fit(train, 3);
        List<EpochMetrics> c = trainer(new MLP(new int[] {2, 4, 2}, ReLU::new, new Rng(9)), 11).fit(train, 3);
        assertEquals(a, b);
        assertTrue(a.get(2).trainLoss() != c.get(2).trainLoss(), "another shuffling seed gives other batches");
    }

    @Test
    void evaluationRunsInEvalModeAndRestoresTraining() {
        ModeProbe probe = new ModeProbe();
        Sequential model = new Sequential(probe, new MLP(new int[] {2, 4, 2}, ReLU::new, new Rng(12)));
        Trainer t = trainer(model, 13);
        t.fit(blobs(16, 14), blobs(8, 15), 1); // 2 training batches, then 1 evaluation batch
        assertEquals(List.of(true, true, false), probe.forwardModes);
        assertTrue(probe.training, "back in training mode after evaluation");
    }

    @Test
    void rejectsBadArguments() {
        MLP model = new MLP(new int[] {2, 2}, ReLU::new, new Rng(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1), 0, new Rng(1)));
        assertEquals("Trainer: batch size must be positive, got 0", e.getMessage());
        Trainer t = trainer(model, 1);
        assertThrows(IllegalArgumentException.class, () -> t.fit(new Dataset(Tensor.zeros(0, 2), new int[0]), 1));
    }

    @Test
    void accuracyTakesTheFirstMaximum() {
        Tensor logits = Tensor.matrix(new double[] {0.1, 2, 0.3}, new double[] {5, 5, 1}, new double[] {0, 0, 1});
        assertEquals(2, Metrics.correct(logits, new int[] {1, 1, 2}), "the tie in row 1 goes to class 0");
        assertEquals(1.0, Metrics.accuracy(logits, new int[] {1, 0, 2}));
        assertThrows(org.gradlab.core.ShapeMismatchException.class, () -> Metrics.correct(logits, new int[] {1}));
    }

    @Test
    void datasetBatchesCoverEverySampleOnce() {
        double[] x = new double[10 * 3];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            y[i] = i;
            for (int j = 0; j < 3; j++) {
                x[3 * i + j] = 10 * i + j;
            }
        }
        Dataset d = new Dataset(Tensor.of(x, 10, 3), y);
        List<Batch> ordered = d.batches(4, null);
        assertEquals(List.of(4, 4, 2), ordered.stream().map(Batch::size).toList());
        assertArrayEquals(new int[] {8, 9}, ordered.get(2).labels());
        assertArrayEquals(new double[] {80, 81, 82, 90, 91, 92}, ordered.get(2).inputs().toArray(), 0.0);
        assertArrayEquals(new double[] {8, 9}, ordered.get(2).targets().toArray(), 0.0);

        List<Batch> shuffled = d.batches(4, new Rng(3));
        boolean[] seen = new boolean[10];
        boolean moved = false;
        int pos = 0;
        for (Batch b : shuffled) {
            int[] labels = b.labels();
            for (int k = 0; k < labels.length; k++, pos++) {
                assertFalse(seen[labels[k]]);
                seen[labels[k]] = true;
                moved |= labels[k] != pos;
                assertEquals(10.0 * labels[k] + 2, b.inputs().get(k, 2), "rows stay with their labels");
            }
        }
        assertEquals(10, pos);
        assertTrue(moved, "the order was shuffled");
    }

    @Test
    void datasetRejectsMismatchedLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(Tensor.zeros(4, 2), new int[3]));
        assertTrue(e.getMessage().contains("Dataset") && e.getMessage().contains("[4, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(1, 2), new int[] {-1}));
    }
}
