package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gradlab.core.Layer;
import org.gradlab.core.Loss;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * 13-memorization's {@code Experiment}, with instruments of our own instead of the student's
 * layers: {@code shuffledLabels} must permute a copy; {@code accuracy} must take the first highest
 * score and send at most 256 rows at a time; {@code train} must visit every example once per epoch
 * in a new order, in batches of the given size, clearing the gradients before every backward, one
 * step per batch, and report the mean batch loss per epoch.
 */
final class MemorizationChecks {
    static final String CLASS = "memorization.Experiment";
    private static final int CHUNK = 256;

    private MemorizationChecks() {
    }

    static void shuffledLabels(Student s, Tally tally) {
        Tensor labels = Tensor.zeros(60);
        for (int i = 0; i < 60; i++) {
            labels.set(i % 10, i);
        }
        Tensor before = labels.copy();
        Class<?>[] types = {Tensor.class, Rng.class};
        Object a = s.callStatic(CLASS, "shuffledLabels", types, labels, new Rng(1));
        Object b = s.callStatic(CLASS, "shuffledLabels", types, labels, new Rng(2));
        String problem = null;
        if (!(a instanceof Tensor ta) || !(b instanceof Tensor tb) || !ta.sameShape(labels)) {
            problem = "shuffledLabels of 60 labels must return a tensor of 60 labels, returned " + a;
        } else if (!labels.allClose(before, 0, 0)) {
            problem = "shuffledLabels changed the labels it was given; return a new tensor";
        } else if (!Arrays.equals(sorted(ta), sorted(labels))) {
            problem = "shuffledLabels must return a permutation of the labels (the class counts stay)";
        } else if (ta.allClose(labels, 0, 0) || ta.allClose(tb, 0, 0)) {
            problem = "shuffledLabels returned the labels in " + (ta.allClose(labels, 0, 0) ? "their own order"
                    : "the same order for two different generators") + ": draw the permutation from rng";
        }
        record(tally, "shuffledLabels", problem);
    }

    static void accuracy(Student s, Tally tally) {
        int n = 600;
        Rng rng = new Rng(3);
        Tensor scores = Tensor.randn(rng, n, 4);
        Tensor labels = Tensor.zeros(n);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (i % 7 == 0) { // a tie between classes 1 and 3: the first counts
                scores.set(5.0, i, 1);
                scores.set(5.0, i, 3);
            }
            int label = rng.nextInt(4);
            labels.set(label, i);
            correct += argmax(scores, i) == label ? 1 : 0;
        }
        int[] largest = {0};
        Layer identity = new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                largest[0] = Math.max(largest[0], input.size(0));
                return input.copy();
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                return gradOutput;
            }
        };
        Object r = s.callStatic(CLASS, "accuracy", new Class<?>[] {Layer.class, Tensor.class, Tensor.class},
                identity, scores, labels);
        double expected = correct / (double) n;
        String problem = null;
        if (!(r instanceof Double acc) || Math.abs(acc - expected) > 1e-12) {
            problem = String.format(Locale.ROOT, "accuracy of 600 rows of scores: expected %.6f, got %s", expected, r);
        } else if (largest[0] > CHUNK) {
            problem = "accuracy sent " + largest[0] + " rows through the model at once; at most " + CHUNK
                    + " (EVALUATION_CHUNK) at a time";
        }
        record(tally, "accuracy", problem);
    }

    static void train(Student s, Tally tally) {
        int n = 10;
        int epochs = 3;
        int batch = 4;
        Rng rng = new Rng(4);
        Tensor x = Tensor.randn(rng, n, 3);
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            x.set(i, i, 0); // column 0 tells the instruments which example a row is
            y.set(i % 3, i);
        }
        Tensor testX = Tensor.randn(rng, 4, 3);
        Tensor testY = Tensor.vector(0, 1, 2, 0);
        Instruments in = new Instruments(new Parameter("weight", Tensor.randn(rng, 3, 3).mul(0.1)), 0.1);
        Object r = train(s, in, x, y, testX, testY, epochs, batch, new Rng(5));
        String problem = in.problem(r, n, epochs, batch);
        record(tally, "train", problem);
        if (problem == null) {
            experiment(s, tally);
        }
    }

    private static Object train(Student s, Instruments in, Tensor x, Tensor y, Tensor testX, Tensor testY, int epochs,
            int batch, Rng rng) {
        return s.callStatic(CLASS, "train", new Class<?>[] {Layer.class, Loss.class, Optimizer.class, Tensor.class,
            Tensor.class, Tensor.class, Tensor.class, int.class, int.class, Rng.class}, in.model, in.loss, in.optimizer,
                x, y, testX, testY, epochs, batch, rng);
    }

    /**
     * The exercise's experiment in miniature, through the student's train(): a linear classifier on
     * fixed random ReLU features (more features than examples, so it can memorize) trained once on
     * true labels (those of a random linear teacher) and once on the same labels shuffled. True
     * labels are learned in a few epochs and generalize; shuffled ones take many more and test
     * accuracy stays at chance. Its per-epoch loss and accuracies become the report's curves.
     */
    private static void experiment(Student s, Tally tally) {
        int n = 96;
        int d = 16;
        int features = 256;
        int classes = 4;
        Rng rng = new Rng(13);
        Tensor teacher = Tensor.randn(rng, classes, d);
        Tensor project = Tensor.randn(rng, features, d).div(Math.sqrt(d));
        Tensor x = Tensor.randn(rng, n, d);
        Tensor testX = Tensor.randn(rng, 200, d);
        Tensor y = argmaxRows(x.matmul(teacher.t()));
        Tensor testY = argmaxRows(testX.matmul(teacher.t()));
        Tensor shuffled = permuted(y, new Rng(14));
        Tensor f = x.matmul(project.t()).maximum(0.0).div(Math.sqrt(features));
        Tensor testF = testX.matmul(project.t()).maximum(0.0).div(Math.sqrt(features));
        List<double[]> trueRows = rows(train(s, new Instruments(new Parameter("weight", Tensor.zeros(classes,
                features)), EXPERIMENT_LR), f, y, testF, testY, EXPERIMENT_EPOCHS, 16, new Rng(15)));
        List<double[]> randomRows = rows(train(s, new Instruments(new Parameter("weight", Tensor.zeros(classes,
                features)), EXPERIMENT_LR), f, shuffled, testF, testY, EXPERIMENT_EPOCHS, 16, new Rng(15)));
        if (trueRows == null || randomRows == null) {
            return; // train() passed its check above; a different answer here is not worth a second failure
        }
        String what = " (96 examples, linear on 256 random ReLU features)";
        tally.curve(new Curve("Loss per epoch" + what, "epoch", "mean batch loss", List.of(
                Curve.Series.perEpoch("true labels", column(trueRows, 0)),
                Curve.Series.perEpoch("random labels", column(randomRows, 0)))));
        tally.curve(new Curve("Accuracy per epoch" + what, "epoch", "accuracy", List.of(
                Curve.Series.perEpoch("training, true labels", column(trueRows, 1)),
                Curve.Series.perEpoch("training, random labels", column(randomRows, 1)),
                Curve.Series.perEpoch("test, true labels", column(trueRows, 2)),
                Curve.Series.perEpoch("test, random labels", column(randomRows, 2)))));
    }

    static final int EXPERIMENT_EPOCHS = 60;
    private static final double EXPERIMENT_LR = 4.0;

    /** train()'s rows {trainLoss, trainAccuracy, testAccuracy}, or null when it returned something else. */
    private static List<double[]> rows(Object result) {
        if (!(result instanceof List<?> l) || l.size() != EXPERIMENT_EPOCHS) {
            return null;
        }
        List<double[]> out = new ArrayList<>();
        for (Object row : l) {
            if (!(row instanceof double[] d) || d.length != 3) {
                return null;
            }
            out.add(d);
        }
        return out;
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }

    private static Tensor argmaxRows(Tensor scores) {
        Tensor out = Tensor.zeros(scores.size(0));
        for (int i = 0; i < scores.size(0); i++) {
            out.set(argmax(scores, i), i);
        }
        return out;
    }

    /** Our own shuffle (Fisher–Yates): the curves must not depend on the student's shuffledLabels. */
    private static Tensor permuted(Tensor labels, Rng rng) {
        double[] a = labels.toArray();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Tensor.vector(a);
    }

    private static void record(Tally tally, String method, String problem) {
        if (problem == null) {
            tally.pass(CLASS, method);
        } else {
            tally.add(CLASS, method, Outcome.FAILED, problem, null);
        }
    }

    private static double[] sorted(Tensor t) {
        double[] a = t.toArray();
        Arrays.sort(a);
        return a;
    }

    private static int argmax(Tensor scores, int row) {
        int best = 0;
        for (int j = 1; j < scores.size(1); j++) {
            if (scores.get(row, j) > scores.get(row, best)) {
                best = j;
            }
        }
        return best;
    }

    /** A linear model, a squared-error loss and plain SGD that record how train() uses them. */
    private static final class Instruments {
        final Parameter weight;
        final List<double[]> trainingBatches = new ArrayList<>(); // example ids of each training forward
        final List<Double> batchLosses = new ArrayList<>();
        boolean training = true;
        boolean stale; // a backward found gradients left over from before
        int steps;
        int backwards;
        final Layer model;
        final Loss loss;
        final Optimizer optimizer;

        Instruments(Parameter weight, double learningRate) {
            this.weight = weight;
            model = new Layer() {
                private Tensor input;

                @Override
                public Tensor forward(Tensor x) {
                    if (training) {
                        trainingBatches.add(x.select(1, 0).toArray());
                    }
                    input = x.copy();
                    return x.matmul(weight.value().t());
                }

                @Override
                public Tensor backward(Tensor g) {
                    backwards++;
                    stale |= weight.grad().abs().maxAll() != 0;
                    weight.accumulateGrad(g.t().matmul(input));
                    return g.matmul(weight.value());
                }

                @Override
                public List<Parameter> parameters() {
                    return List.of(weight);
                }

                @Override
                public void setTraining(boolean t) {
                    training = t;
                }
            };
            loss = new Loss() {
                private Tensor diff;

                @Override
                public double forward(Tensor scores, Tensor target) {
                    Tensor onehot = Tensor.zeros(scores.shape());
                    for (int i = 0; i < target.numel(); i++) {
                        onehot.set(1.0, i, (int) target.getFlat(i));
                    }
                    diff = scores.sub(onehot);
                    double value = 0.5 * diff.square().sumAll() / scores.size(0);
                    batchLosses.add(value);
                    return value;
                }

                @Override
                public Tensor backward() {
                    return diff.div(diff.size(0));
                }
            };
            optimizer = new Optimizer() {
                private double lr = learningRate;

                @Override
                public List<Parameter> parameters() {
                    return List.of(weight);
                }

                @Override
                public void step() {
                    steps++;
                    weight.value().addScaledInPlace(-lr, weight.grad());
                }

                @Override
                public double learningRate() {
                    return lr;
                }

                @Override
                public void setLearningRate(double lr) {
                    this.lr = lr;
                }
            };
        }

        /** The first way train() went wrong, or null. */
        String problem(Object result, int n, int epochs, int batch) {
            int perEpoch = (n + batch - 1) / batch;
            if (!(result instanceof List<?> rows) || rows.size() != epochs
                    || !rows.stream().allMatch(row -> row instanceof double[] d && d.length == 3)) {
                return "train(…, epochs 3, …) must return 3 rows {trainLoss, trainAccuracy, testAccuracy}, returned "
                        + (result instanceof List<?> l ? l.size() + " rows" : String.valueOf(result));
            }
            if (stale) {
                return "a backward found the gradients of the previous batch still there: clear them (optimizer"
                        + ".zeroGrad()) before each backward";
            }
            if (trainingBatches.size() != epochs * perEpoch || steps != epochs * perEpoch
                    || backwards != epochs * perEpoch) {
                return "10 examples in batches of 4 for 3 epochs make 9 batches, each one forward, backward and step"
                        + " in training mode; got " + trainingBatches.size() + " training forwards, " + backwards
                        + " backwards and " + steps + " steps (evaluate in evaluation mode: setTraining(false))";
            }
            List<String> orders = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                List<Double> seen = new ArrayList<>();
                for (int b = 0; b < perEpoch; b++) {
                    double[] ids = trainingBatches.get(e * perEpoch + b);
                    if (ids.length != Math.min(batch, n - b * batch)) {
                        return "epoch " + (e + 1) + ", batch " + (b + 1) + " has " + ids.length + " rows; batches of 4"
                                + " rows (the last one may be smaller)";
                    }
                    Arrays.stream(ids).forEach(seen::add);
                }
                List<Double> sortedSeen = seen.stream().sorted().toList();
                for (int i = 0; i < n; i++) {
                    if (sortedSeen.get(i) != i) {
                        return "epoch " + (e + 1) + " did not visit every example exactly once: " + seen;
                    }
                }
                orders.add(seen.toString());
            }
            if (orders.stream().distinct().count() < 2) {
                return "every epoch visited the examples in the same order; shuffle them anew each epoch with rng";
            }
            for (int e = 0; e < epochs; e++) {
                double mean = batchLosses.subList(e * perEpoch, (e + 1) * perEpoch).stream()
                        .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double reported = ((double[]) ((List<?>) result).get(e))[0];
                if (Math.abs(reported - mean) > 1e-9 * Math.max(1, Math.abs(mean))) {
                    return String.format(Locale.ROOT, "epoch %d: trainLoss %.6g, but the mean of its batch losses is"
                            + " %.6g", e + 1, reported, mean);
                }
            }
            return null;
        }
    }
}
