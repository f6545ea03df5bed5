package memorization;

import java.util.ArrayList;
import java.util.List;

import activations.ReLU;
import conv.Conv2d;
import linear.Linear;
import losses.CrossEntropyLoss;
import optim.Adam;
import org.gradlab.core.Layer;
import org.gradlab.core.Loss;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import pooling.MaxPool2d;

/**
 * Memorization (Zhang et al. 2017, "Understanding deep learning requires rethinking
 * generalization") at CPU scale: a small CNN built from your own layers fits random labels as
 * well as true ones — training accuracy reaches 100% either way — while its test accuracy with
 * random labels stays at chance. Capacity to memorize is not what makes a network generalize.
 *
 * <p>Loop version: labels shuffled by sorting on random keys, batches and accuracies counted element by
 * element.
 */
public final class Experiment {
    /** Mini-batch size of {@link #run}. */
    public static final int BATCH_SIZE = 16;
    /** Adam's learning rate in {@link #run}. */
    public static final double LEARNING_RATE = 0.02;
    /** Filters of the convolution in {@link #network}. */
    public static final int FILTERS = 8;
    /** Rows {@link #accuracy} sends through the network at once: a whole data set would not fit im2col. */
    public static final int EVALUATION_CHUNK = 256;

    private Experiment() {
    }

    /**
     * Given: Conv2d(channels → 8, 3×3, padding 1) → ReLU → MaxPool2d(2×2) → Flatten → Linear(→ classes),
     * from your own layers, initialised from {@code rng}. Height and width must be even.
     */
    public static Sequential network(int channels, int height, int width, int classes, Rng rng) {
        int[] one = {1, 1};
        return new Sequential(List.of(
                new Conv2d(channels, FILTERS, new int[] {3, 3}, one, one, one, 1, rng),
                new ReLU(),
                new MaxPool2d(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}),
                new Flatten(),
                new Linear(FILTERS * (height / 2) * (width / 2), classes, rng)));
    }

    public static Tensor shuffledLabels(Tensor labels, Rng rng) {
        int n = labels.numel();
        double[] keys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = rng.uniform();
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
        Tensor out = Tensor.zeros(labels.shape());
        for (int i = 0; i < n; i++) {
            out.setFlat(i, labels.getFlat(order[i]));
        }
        return out;
    }

    public static double accuracy(Layer model, Tensor x, Tensor labels) {
        int n = x.size(0);
        int correct = 0;
        for (int start = 0; start < n; start += EVALUATION_CHUNK) {
            int end = Math.min(n, start + EVALUATION_CHUNK);
            Tensor scores = model.forward(x.slice(0, start, end));
            for (int r = 0; r < end - start; r++) {
                int best = 0;
                for (int c = 1; c < scores.size(1); c++) {
                    if (scores.get(r, c) > scores.get(r, best)) {
                        best = c;
                    }
                }
                if (best == (int) labels.getFlat(start + r)) {
                    correct++;
                }
            }
        }
        return (double) correct / n;
    }

    public static List<double[]> train(Layer model, Loss loss, Optimizer optimizer, Tensor trainX, Tensor trainY,
            Tensor testX, Tensor testY, int epochs, int batchSize, Rng rng) {
        int n = trainX.size(0);
        int rowSize = trainX.numel() / n;
        List<double[]> metrics = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            model.setTraining(true);
            Tensor order = shuffledLabels(Tensor.arange(n), rng); // a shuffled 0 … n − 1
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < n; start += batchSize) {
                int size = Math.min(batchSize, n - start);
                int[] shape = trainX.shape();
                shape[0] = size;
                Tensor x = Tensor.zeros(shape);
                Tensor y = Tensor.zeros(size);
                for (int b = 0; b < size; b++) {
                    int row = (int) order.getFlat(start + b);
                    for (int k = 0; k < rowSize; k++) {
                        x.setFlat(b * rowSize + k, trainX.getFlat(row * rowSize + k));
                    }
                    y.setFlat(b, trainY.getFlat(row));
                }
                for (var p : model.parameters()) {
                    p.zeroGrad();
                }
                lossSum += loss.forward(model.forward(x), y);
                model.backward(loss.backward());
                optimizer.step();
                batches++;
            }
            model.setTraining(false);
            metrics.add(new double[] {lossSum / batches, accuracy(model, trainX, trainY),
                accuracy(model, testX, testY)});
        }
        return metrics;
    }

    public static List<double[]> run(Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int classes,
            boolean randomLabels, int epochs, Rng rng) {
        Sequential model = network(trainX.size(1), trainX.size(2), trainX.size(3), classes, rng);
        Tensor labels = trainY;
        if (randomLabels) {
            labels = shuffledLabels(trainY, rng);
        }
        Adam adam = new Adam(model.parameters(), LEARNING_RATE, 0.9, 0.999, 1e-8, 0.0);
        return train(model, new CrossEntropyLoss(Reduction.MEAN), adam, trainX, labels, testX, testY, epochs,
                BATCH_SIZE, rng);
    }
}
