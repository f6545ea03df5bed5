package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.gradlab.core.Layer;
import org.gradlab.core.Loss;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.loss.CrossEntropyLoss;
import org.gradlab.engine.models.Sequential;
import org.gradlab.engine.nn.Conv2d;
import org.gradlab.engine.nn.Flatten;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.MaxPool2d;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.engine.optim.Adam;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.Verdict;
import org.gradlab.grader.specs.MemorizationData.DataSet;

/**
 * 13-memorization: the label-memorization experiment of Zhang et al. (2017) at CPU scale, in
 * {@code memorization.Experiment}. The data is generated ({@link MemorizationData}: 100 training
 * and 100 test images of 1×8×8 in 10 classes), small enough to grade in well under a second, and
 * chosen so that the outcome is reliable for any seed (measured over 200): a correct pipeline
 * memorizes random labels (≥ 95% training accuracy within 20 epochs; the latest seen was epoch 14)
 * while the test accuracy stays within 15 points of chance (seen: 2%–19%; 10 classes, and 100
 * clusters of one training and one test image, so that luck averages out), and with true labels
 * it generalizes (seen: ≥ 97% after 6 epochs).
 * <ul>
 * <li>FORWARD: the building blocks, {@code accuracy} and {@code shuffledLabels}.</li>
 * <li>STATEFUL_INVARIANTS: the training loop alone, run by {@code train} on the reference network
 * (engine layers, wrapped to watch it): gradients cleared before every backward, every example
 * once per epoch in a new order, one optimizer step per batch, the metrics it returns.</li>
 * <li>EDGE_CASES: the experiment — random labels memorized with test accuracy at chance, by the
 * student's loop on reference layers (balanced random labels), and by {@code run} on the student's
 * own layers; true labels generalize.</li>
 * </ul>
 */
public final class MemorizationExercise implements ExerciseSpec {
    static final String EXPERIMENT = "memorization.Experiment";
    static final MemorizationData.Recipe DATA = new MemorizationData.Recipe(100, 10, 1, 1, 1, 8, 1.0, 0.5);
    static final int EPOCHS = 20;
    /** True labels are learnt in a few epochs (seen: ≥ 97% test accuracy after 6): fewer keep grading fast. */
    static final int TRUE_LABEL_EPOCHS = 8;
    static final int BATCH_SIZE = 16;
    static final double LEARNING_RATE = 0.02;
    static final int FILTERS = 8;
    static final double MEMORIZED = 0.95;
    static final double CHANCE_BAND = 0.15;
    static final double GENERALIZES = 0.30;
    static final String ACCUMULATES = "gradients accumulate across batches: clear them (optimizer.zeroGrad()) before"
            + " each backward";
    static final String TRUE_LABELS = "the network generalizes as it does with the true labels: it was trained on the"
            + " true labels (shuffledLabels returns a new tensor: train on its result)";
    private static final Class<?>[] TRAIN = {Layer.class, Loss.class, Optimizer.class, Tensor.class, Tensor.class,
        Tensor.class, Tensor.class, int.class, int.class, Rng.class};
    private static final Class<?>[] RUN = {Tensor.class, Tensor.class, Tensor.class, Tensor.class, int.class,
        boolean.class, int.class, Rng.class};

    @Override
    public String id() {
        return "13-memorization";
    }

    @Override
    public String title() {
        return "Memorization (Zhang et al. 2017) at CPU scale";
    }

    @Override
    public List<String> studentClasses() {
        return List.of(EXPERIMENT);
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 2.0, Part.STATEFUL_INVARIANTS, 3.0, Part.EDGE_CASES, 5.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng blocks = g.rng("building blocks");
        int rows = 257 + blocks.nextInt(300);
        int classes = 3 + blocks.nextInt(10);
        long scores = blocks.nextInt(Integer.MAX_VALUE);
        g.check(Part.FORWARD, "accuracy (" + rows + " rows, " + classes + " classes)",
                () -> accuracy(code, rows, classes, new Rng(scores)));
        int n = 100 + blocks.nextInt(200);
        long shuffle = blocks.nextInt(Integer.MAX_VALUE);
        g.check(Part.FORWARD, "shuffledLabels (" + n + " labels)", () -> shuffled(code, n, new Rng(shuffle)));

        Rng rng = g.rng("experiment");
        DataSet data = MemorizationData.generate(DATA, rng);
        long referenceSeed = rng.nextInt(Integer.MAX_VALUE);
        long randomSeed = rng.nextInt(Integer.MAX_VALUE);
        long trueSeed = rng.nextInt(Integer.MAX_VALUE);
        Lazy<Watched> watched = new Lazy<>(() -> referenceRun(code, data, referenceSeed));
        String loop = "training loop on reference layers: ";
        g.check(Part.STATEFUL_INVARIANTS, loop + "gradients zeroed before every backward",
                () -> zeroed(watched.get()));
        g.check(Part.STATEFUL_INVARIANTS, loop + "every example once per epoch, in a new random order",
                () -> coverage(watched.get()));
        g.check(Part.STATEFUL_INVARIANTS, loop + "one optimizer step per mini-batch of at most " + BATCH_SIZE,
                () -> steps(watched.get()));
        g.check(Part.STATEFUL_INVARIANTS, loop + "metrics: one {trainLoss, trainAccuracy, testAccuracy} per epoch,"
                + " as measured", () -> metrics(watched.get()));

        double chance = 1.0 / data.classes();
        String memorized = "random labels: at least " + percent(MEMORIZED) + " training accuracy after " + EPOCHS
                + " epochs";
        String atChance = "random labels: test accuracy near chance (" + percent(chance) + " ± "
                + points(CHANCE_BAND) + ")";
        g.check(Part.EDGE_CASES, "reference layers, " + memorized, () -> {
            Watched w = watched.get();
            return memorizes(w.finalTrainAccuracy());
        });
        g.check(Part.EDGE_CASES, "reference layers, " + atChance, () -> {
            Watched w = watched.get();
            return nearChance(w.finalTrainAccuracy(), w.finalTestAccuracy(), chance);
        });
        Lazy<List<double[]>> random = new Lazy<>(() -> run(code, data, true, EPOCHS, randomSeed));
        Lazy<List<double[]>> truth = new Lazy<>(() -> run(code, data, false, TRUE_LABEL_EPOCHS, trueSeed));
        g.check(Part.EDGE_CASES, "your layers, " + memorized, () -> memorizes(last(random.get())[1]));
        g.check(Part.EDGE_CASES, "your layers, " + atChance,
                () -> nearChance(last(random.get())[1], last(random.get())[2], chance));
        g.check(Part.EDGE_CASES, "your layers, true labels: test accuracy clearly above chance after "
                + TRUE_LABEL_EPOCHS + " epochs (at least " + percent(chance + GENERALIZES) + ")",
                () -> generalizes(last(truth.get())[2], chance));
        return g.finish(null);
    }

    // ---------------------------------------------------------------- building blocks

    /** A fake model that scores row i (its input holds i) with row i of fixed random scores. */
    private static Verdict accuracy(StudentCode code, int rows, int classes, Rng rng) {
        Tensor scores = Tensor.randn(rng, rows, classes);
        Tensor labels = Tensor.zeros(rows);
        for (int i = 0; i < rows; i++) {
            labels.setFlat(i, rng.nextInt(classes));
        }
        Layer model = new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                List<Tensor> out = new ArrayList<>();
                for (int r = 0; r < input.size(0); r++) {
                    out.add(scores.select(0, (int) input.getFlat(r)));
                }
                return Tensor.stack(out, 0);
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                throw new UnsupportedOperationException("accuracy needs no backward");
            }
        };
        double want = fraction(scores.argmax(1, false), labels);
        Object got = code.callStatic(EXPERIMENT, "accuracy", new Class<?>[] {Layer.class, Tensor.class, Tensor.class},
                model, Tensor.arange(rows).reshape(rows, 1), labels.copy());
        if (!(got instanceof Double d)) {
            throw new StudentFault("Experiment.accuracy must return a double", false, false, null);
        }
        if (Math.abs(d - want) < 1e-12) {
            return Verdict.pass("accuracy " + d);
        }
        double argmin = fraction(scores.argmin(1, false), labels);
        String diagnosis = Math.abs(d - want * rows) < 1e-9 ? "a count, not a fraction: divide by the number of rows"
                : Math.abs(d - argmin) < 1e-12 ? "argmin instead of argmax: the prediction is the highest score"
                        : null;
        return Verdict.fail("accuracy: expected " + want + ", got " + d, diagnosis);
    }

    private static double fraction(Tensor predicted, Tensor labels) {
        return predicted.eq(labels).sumAll() / labels.numel();
    }

    private static Verdict shuffled(StudentCode code, int n, Rng rng) {
        int classes = 10;
        Tensor labels = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            labels.setFlat(i, rng.nextInt(classes));
        }
        Tensor given = labels.copy();
        Tensor a = shuffle(code, given, new Rng(rng.nextInt(Integer.MAX_VALUE)));
        Tensor b = shuffle(code, given, new Rng(rng.nextInt(Integer.MAX_VALUE)));
        if (!given.allClose(labels, 0, 0)) {
            return Verdict.fail("shuffledLabels changed the labels it was given; return a new tensor");
        }
        if (!a.sameShape(labels)) {
            return Verdict.fail("shape " + Arrays.toString(a.shape()) + " instead of "
                    + Arrays.toString(labels.shape()));
        }
        int[] want = counts(labels, classes);
        int[] got = counts(a, classes);
        if (!Arrays.equals(want, got)) {
            return Verdict.fail("class counts " + Arrays.toString(got) + " instead of " + Arrays.toString(want),
                    "labels drawn anew instead of shuffled: a permutation keeps every class's count");
        }
        double same = fraction(a, labels);
        if (same > 0.5) {
            return Verdict.fail(percent(same) + " of the labels kept their place", same == 1.0
                    ? "the labels in their original order: shuffle them (every image must get a random label)" : null);
        }
        if (a.allClose(b, 0, 0)) {
            return Verdict.fail("two different generators gave the same order: draw the order from the rng given");
        }
        return Verdict.pass("a permutation; " + percent(same) + " of the labels kept their place");
    }

    private static Tensor shuffle(StudentCode code, Tensor labels, Rng rng) {
        Object t = code.callStatic(EXPERIMENT, "shuffledLabels", new Class<?>[] {Tensor.class, Rng.class}, labels,
                rng);
        if (!(t instanceof Tensor tensor)) {
            throw new StudentFault("Experiment.shuffledLabels must return a Tensor, returned "
                    + (t == null ? "null" : "a " + t.getClass().getName()), false, false, null);
        }
        return tensor;
    }

    private static int[] counts(Tensor labels, int classes) {
        int[] c = new int[classes + 1];
        for (int i = 0; i < labels.numel(); i++) {
            double v = labels.getFlat(i);
            c[v >= 0 && v < classes && v == Math.rint(v) ? (int) v : classes]++; // the last: not a class at all
        }
        return c;
    }

    // ---------------------------------------------------------------- the training loop, watched

    /** The reference network of {@code Experiment.network}, from engine layers. */
    static Sequential referenceNetwork(int channels, int size, int classes, Rng rng) {
        return new Sequential(List.of(new Conv2d(channels, FILTERS, 3, 1, 1, rng), new ReLU(), new MaxPool2d(2, 2),
                new Flatten(), new Linear(FILTERS * (size / 2) * (size / 2), classes, rng)));
    }

    /** What the student's train did to the watched reference network. */
    record Watched(List<double[]> metrics, WatchedModel model, int steps, double finalTrainAccuracy,
            double finalTestAccuracy, int trainSize) {
    }

    private static Watched referenceRun(StudentCode code, DataSet d, long seed) {
        Rng rng = new Rng(seed);
        Tensor trainX = d.train().images();
        Tensor labels = MemorizationData.balancedRandomLabels(d.train().labels(), d.classes(), rng);
        WatchedModel model = new WatchedModel(referenceNetwork(1, trainX.size(2), d.classes(), rng), trainX);
        CountingOptimizer optimizer = new CountingOptimizer(new Adam(model.parameters(), LEARNING_RATE, 0.9, 0.999,
                1e-8, 0.0));
        Object result = code.callStatic(EXPERIMENT, "train", TRAIN, model, new CrossEntropyLoss(Reduction.MEAN),
                optimizer, trainX.copy(), labels.copy(), d.test().images().copy(), d.test().labels().copy(), EPOCHS,
                BATCH_SIZE, new Rng(rng.nextInt(Integer.MAX_VALUE)));
        List<double[]> metrics = metricsList("train", result);
        model.setTraining(false);
        double train = fraction(model.inner.forward(trainX).argmax(1, false), labels);
        double test = fraction(model.inner.forward(d.test().images()).argmax(1, false), d.test().labels());
        return new Watched(metrics, model, optimizer.steps, train, test, trainX.size(0));
    }

    private static List<double[]> run(StudentCode code, DataSet d, boolean randomLabels, int epochs, long seed) {
        Object result = code.callStatic(EXPERIMENT, "run", RUN, d.train().images().copy(), d.train().labels().copy(),
                d.test().images().copy(), d.test().labels().copy(), d.classes(), randomLabels, epochs, new Rng(seed));
        List<double[]> metrics = metricsList("run", result);
        String problem = shapeProblem(metrics, epochs);
        if (problem != null) {
            throw new StudentFault("Experiment.run: " + problem, false, false, null);
        }
        return metrics;
    }

    private static List<double[]> metricsList(String method, Object result) {
        if (!(result instanceof List<?> list)) {
            throw new StudentFault("Experiment." + method + " must return a List<double[]>, returned "
                    + (result == null ? "null" : "a " + result.getClass().getName()), false, false, null);
        }
        List<double[]> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof double[] row)) {
                throw new StudentFault("Experiment." + method + " must return double[] rows, found "
                        + (o == null ? "null" : o.getClass().getName()), false, false, null);
            }
            out.add(row.clone());
        }
        return out;
    }

    /** Null when there is one row of three finite numbers per epoch, accuracies in [0, 1]; else what is wrong. */
    private static String shapeProblem(List<double[]> metrics, int epochs) {
        if (metrics.size() != epochs) {
            return metrics.size() + " rows of metrics for " + epochs + " epochs";
        }
        for (int e = 0; e < metrics.size(); e++) {
            double[] m = metrics.get(e);
            if (m.length != 3) {
                return "epoch " + (e + 1) + " has " + m.length
                        + " numbers, not {trainLoss, trainAccuracy, testAccuracy}";
            }
            if (!Double.isFinite(m[0]) || !(m[1] >= 0 && m[1] <= 1) || !(m[2] >= 0 && m[2] <= 1)) {
                return "epoch " + (e + 1) + ": " + Arrays.toString(m) + " (a finite loss and accuracies in [0, 1]"
                        + " expected)";
            }
        }
        return null;
    }

    private static Verdict zeroed(Watched w) {
        List<Double> before = w.model().gradientBeforeBackward;
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != 0.0) {
                return Verdict.fail("backward call " + (i + 1) + " started with parameter gradients up to "
                        + String.format(Locale.ROOT, "%.3g", before.get(i)) + " left from earlier batches",
                        ACCUMULATES);
            }
        }
        return before.isEmpty() ? Verdict.fail("train never called model.backward")
                : Verdict.pass("all " + before.size() + " backward calls started from zero gradients");
    }

    private static Verdict coverage(Watched w) {
        List<Integer> rows = w.model().rowsBackpropagated;
        int n = w.trainSize();
        if (rows.contains(-1)) {
            return Verdict.fail("a training batch held rows that are not rows of trainX (batches must be rows of"
                    + " trainX, unchanged)");
        }
        if (rows.size() != EPOCHS * n) {
            return Verdict.fail(rows.size() + " examples went through backward in " + EPOCHS + " epochs of " + n
                    + " examples; expected " + EPOCHS * n + " (every example once per epoch, the last batch may be"
                    + " smaller)");
        }
        List<List<Integer>> epochs = new ArrayList<>();
        for (int e = 0; e < EPOCHS; e++) {
            List<Integer> order = rows.subList(e * n, (e + 1) * n);
            if (order.stream().distinct().count() != n) {
                return Verdict.fail("epoch " + (e + 1) + " used " + order.stream().distinct().count() + " different"
                        + " examples of " + n + ": each must come exactly once");
            }
            epochs.add(order);
        }
        List<Integer> identity = java.util.stream.IntStream.range(0, n).boxed().toList();
        if (epochs.get(0).equals(identity)) {
            return Verdict.fail("the examples in their stored order: shuffle them every epoch");
        }
        if (epochs.get(0).equals(epochs.get(1))) {
            return Verdict.fail("the same order in epochs 1 and 2: draw a new random order every epoch");
        }
        return Verdict.pass("every example once per epoch, shuffled anew");
    }

    private static Verdict steps(Watched w) {
        List<Integer> batches = w.model().batchSizes;
        int biggest = batches.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (biggest > BATCH_SIZE) {
            return Verdict.fail("a batch of " + biggest + " rows; batchSize is " + BATCH_SIZE);
        }
        int expected = EPOCHS * ((w.trainSize() + BATCH_SIZE - 1) / BATCH_SIZE);
        if (w.steps() != batches.size() || batches.size() != expected) {
            return Verdict.fail(w.steps() + " optimizer steps for " + batches.size() + " backward calls; expected "
                    + expected + " of each (" + EPOCHS + " epochs of ⌈" + w.trainSize() + "/" + BATCH_SIZE
                    + "⌉ batches)");
        }
        return Verdict.pass(expected + " batches, one step each");
    }

    private static Verdict metrics(Watched w) {
        String problem = shapeProblem(w.metrics(), EPOCHS);
        if (problem != null) {
            return Verdict.fail(problem);
        }
        double[] last = last(w.metrics());
        if (Math.abs(last[1] - w.finalTrainAccuracy()) > 1e-9 || Math.abs(last[2] - w.finalTestAccuracy()) > 1e-9) {
            return Verdict.fail("the last epoch reports training accuracy " + last[1] + " and test accuracy " + last[2]
                    + ", the trained network has " + w.finalTrainAccuracy() + " and " + w.finalTestAccuracy()
                    + " (measure both after the epoch, on the whole sets, against the labels trained on)");
        }
        if (!(last[0] < w.metrics().get(0)[0])) {
            return Verdict.fail("the training loss did not go down: " + w.metrics().get(0)[0] + " in epoch 1, "
                    + last[0] + " in epoch " + EPOCHS);
        }
        return Verdict.pass(EPOCHS + " rows; the last one as measured");
    }

    // ---------------------------------------------------------------- the experiment

    private static Verdict memorizes(double trainAccuracy) {
        String shown = "training accuracy " + percent(trainAccuracy) + " after " + EPOCHS + " epochs";
        return trainAccuracy >= MEMORIZED ? Verdict.pass(shown)
                : Verdict.fail(shown + "; a correct loop memorizes these labels by epoch 15");
    }

    private static Verdict nearChance(double trainAccuracy, double testAccuracy, double chance) {
        String shown = "test accuracy " + percent(testAccuracy) + " (chance " + percent(chance) + ")";
        if (Math.abs(testAccuracy - chance) <= CHANCE_BAND) {
            return Verdict.pass(shown);
        }
        String diagnosis = testAccuracy > chance + CHANCE_BAND && trainAccuracy >= MEMORIZED ? TRUE_LABELS : null;
        return Verdict.fail(shown + ": labels that carry no information cannot be predicted on new images", diagnosis);
    }

    private static Verdict generalizes(double testAccuracy, double chance) {
        String shown = "test accuracy " + percent(testAccuracy) + " (chance " + percent(chance) + ")";
        return testAccuracy >= chance + GENERALIZES ? Verdict.pass(shown)
                : Verdict.fail(shown + ": with the true labels the network should generalize");
    }

    private static double[] last(List<double[]> metrics) {
        if (metrics.isEmpty()) {
            throw new StudentFault("Experiment returned no metrics", false, false, null);
        }
        return metrics.get(metrics.size() - 1);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String points(double v) {
        return String.format(Locale.ROOT, "%.0f points", 100 * v);
    }

    // ---------------------------------------------------------------- watchers

    /**
     * The reference network, watched: before each backward it notes how large the parameter
     * gradients already are, how many rows the last forward had and which rows of trainX they were.
     */
    static final class WatchedModel implements Layer {
        private final Layer inner;
        private final Map<RowKey, Integer> rowIndex = new HashMap<>();
        private final int rowSize;
        private Tensor lastInput;
        final List<Double> gradientBeforeBackward = new ArrayList<>();
        final List<Integer> rowsBackpropagated = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();

        WatchedModel(Layer inner, Tensor trainX) {
            this.inner = inner;
            this.rowSize = trainX.numel() / trainX.size(0);
            double[] all = trainX.toArray();
            for (int i = 0; i < trainX.size(0); i++) {
                rowIndex.put(new RowKey(Arrays.copyOfRange(all, i * rowSize, (i + 1) * rowSize)), i);
            }
        }

        @Override
        public Tensor forward(Tensor input) {
            lastInput = input;
            return inner.forward(input);
        }

        @Override
        public Tensor backward(Tensor gradOutput) {
            double largest = 0;
            for (Parameter p : inner.parameters()) {
                largest = Math.max(largest, p.grad().abs().maxAll());
            }
            gradientBeforeBackward.add(largest);
            if (lastInput != null && lastInput.numel() % rowSize == 0) {
                double[] all = lastInput.toArray();
                int rows = all.length / rowSize;
                batchSizes.add(rows);
                for (int r = 0; r < rows; r++) {
                    rowsBackpropagated.add(rowIndex.getOrDefault(
                            new RowKey(Arrays.copyOfRange(all, r * rowSize, (r + 1) * rowSize)), -1));
                }
            }
            return inner.backward(gradOutput);
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }

        @Override
        public void setTraining(boolean training) {
            inner.setTraining(training);
        }
    }

    /** A row's pixels as a map key. */
    private record RowKey(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** An optimizer that counts its steps. */
    static final class CountingOptimizer implements Optimizer {
        private final Optimizer inner;
        int steps;

        CountingOptimizer(Optimizer inner) {
            this.inner = inner;
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }

        @Override
        public void step() {
            steps++;
            inner.step();
        }

        @Override
        public double learningRate() {
            return inner.learningRate();
        }

        @Override
        public void setLearningRate(double lr) {
            inner.setLearningRate(lr);
        }

        @Override
        public Map<String, Tensor> stateOf(Parameter p) {
            return inner.stateOf(p);
        }
    }

    /**
     * A value computed on first use and kept — or the exception computing it threw, thrown again at
     * every use, so each check that needs a failed run fails with its message.
     */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private T value;
        private RuntimeException failure;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (failure != null) {
                throw failure;
            }
            if (value == null) {
                try {
                    value = supplier.get();
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
            }
            return value;
        }
    }
}
