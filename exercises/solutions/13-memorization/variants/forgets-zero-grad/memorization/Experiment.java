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

    /**
     * The labels in a random order drawn from {@code rng} (e.g. Fisher–Yates): the class counts stay,
     * the link between an image and its label is gone. Returns a new tensor; {@code labels} is not
     * changed.
     */
    public static Tensor shuffledLabels(Tensor labels, Rng rng) {
        Tensor out = labels.copy();
        for (int i = out.numel() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = out.getFlat(i);
            out.setFlat(i, out.getFlat(j));
            out.setFlat(j, t);
        }
        return out;
    }

    /**
     * The fraction of the rows of {@code x} whose highest score in {@code model.forward} (the first
     * one on ties) is at the index of their label. Sends at most {@link #EVALUATION_CHUNK} rows
     * through the model at a time.
     */
    public static double accuracy(Layer model, Tensor x, Tensor labels) {
        int n = x.size(0);
        double correct = 0;
        for (int start = 0; start < n; start += EVALUATION_CHUNK) {
            int end = Math.min(n, start + EVALUATION_CHUNK);
            Tensor predicted = model.forward(x.slice(0, start, end)).argmax(1, false);
            correct += predicted.eq(labels.slice(0, start, end)).sumAll();
        }
        return correct / n;
    }

    /**
     * Trains {@code model} for {@code epochs} epochs. An epoch goes through the training set once,
     * in a new random order drawn from {@code rng}, in mini-batches of {@code batchSize} rows (the
     * last one may be smaller); each batch: the gradients cleared, forward, {@code loss}, backward,
     * one optimizer step. After each epoch, with the model in evaluation mode
     * ({@code setTraining(false)}; back to training mode for the next epoch), it measures the
     * accuracy on the whole training set and on the test set.
     *
     * @return one {@code {trainLoss, trainAccuracy, testAccuracy}} per epoch, where trainLoss is the
     *         mean of the epoch's mini-batch losses
     */
    public static List<double[]> train(Layer model, Loss loss, Optimizer optimizer, Tensor trainX, Tensor trainY,
            Tensor testX, Tensor testY, int epochs, int batchSize, Rng rng) {
        int n = trainX.size(0);
        List<double[]> metrics = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            model.setTraining(true);
            int[] order = permutation(n, rng);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < n; start += batchSize) {
                int end = Math.min(n, start + batchSize);
                lossSum += loss.forward(model.forward(rows(trainX, order, start, end)), rows(trainY, order, start,
                        end));
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

    /**
     * One run of the experiment with your own layers: {@link #network} for the images' shape, Adam
     * ({@link #LEARNING_RATE}, β = (0.9, 0.999), ε = 1e-8, no weight decay) on a mean
     * {@code CrossEntropyLoss}, {@link #BATCH_SIZE} rows a batch, trained on the true labels or — when
     * {@code randomLabels} — on {@link #shuffledLabels} of them; everything random drawn from
     * {@code rng}. Test accuracy is always measured against the true test labels.
     *
     * @return what {@link #train} returns
     */
    public static List<double[]> run(Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int classes,
            boolean randomLabels, int epochs, Rng rng) {
        Sequential model = network(trainX.size(1), trainX.size(2), trainX.size(3), classes, rng);
        Optimizer adam = new Adam(model.parameters(), LEARNING_RATE, 0.9, 0.999, 1e-8, 0.0);
        Tensor labels = randomLabels ? shuffledLabels(trainY, rng) : trainY;
        return train(model, new CrossEntropyLoss(Reduction.MEAN), adam, trainX, labels, testX, testY, epochs,
                BATCH_SIZE, rng);
    }

    private static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Rows order[start … end − 1] of {@code t}, stacked into a batch. */
    private static Tensor rows(Tensor t, int[] order, int start, int end) {
        List<Tensor> picked = new ArrayList<>();
        for (int i = start; i < end; i++) {
            picked.add(t.select(0, order[i]));
        }
        return Tensor.stack(picked, 0);
    }
}
