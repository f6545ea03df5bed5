package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gradlab.check.Folders;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;

/**
 * {@code gradlab train-mlp [--workspace DIR] [--epochs N] [--hidden H] [--train N] [--test N] [--lr R]
 * [--seed S] [--data DIR]}: exercise 5's {@code linear.TwoLayerNet} (784 → H → 10) trained on real
 * data. Compiles and loads like {@code gradlab memorize} (the student's workspace or the course's
 * solutions; Fashion-MNIST when installed, generated images otherwise), trains with the student's
 * own static {@code train} and prints its per-epoch training accuracy and the test accuracy of
 * {@code forward} + argmax. Exit status 0 on success, 1 when the student's code fails, 2 for bad usage.
 */
public final class TrainMlpCommand {
    static final String USAGE = """
            usage: gradlab train-mlp [--workspace DIR] [--epochs N] [--hidden H] [--train N] [--test N]
                                     [--lr R] [--seed S] [--data DIR]
              trains exercise 5's TwoLayerNet (784 → H → 10, ReLU) with its own train method
              --workspace DIR  a student workspace (its src/ is compiled); default: the course's solutions
              --epochs N       epochs (default 5)
              --hidden H       hidden units (default 64)
              --train N        training images (default 2000)
              --test N         test images (default 1000)
              --lr R           SGD learning rate (default 0.1)
              --seed S         seed of the initialization and the shuffling (default 1)
              --data DIR       folder with Fashion-MNIST's IDX files (default /usr/share/datasets/fashion-mnist)""";
    static final String NET = "linear.TwoLayerNet";
    private static final int CLASSES = 10;

    record Options(Path workspace, int epochs, int hidden, int train, int test, double lr, long seed, Path data) {
    }

    private TrainMlpCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("gradlab train-mlp: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o == null) {
            out.println(USAGE);
            return 0;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("gradlab-train-mlp-");
            StudentCode code = MemorizationCommand.compile(o.workspace(), work, out, NET, "05-fully-connected");
            boolean real = FashionMnist.present(o.data());
            MemorizationCommand.Data data = MemorizationCommand.data(o.data(), o.train(), o.test(), o.seed(), out);
            Tensor xTrain = unit(data.train().images());
            Tensor xTest = unit(data.test().images());
            Rng rng = new Rng(o.seed());
            Class<?> netClass = code.load(NET);
            Object net = code.construct(NET, Object.class, xTrain.size(1), o.hidden(), CLASSES, rng);
            out.printf(Locale.ROOT, "%nTwoLayerNet %d → %d → %d, %d epochs, lr %s%n", xTrain.size(1), o.hidden(),
                    CLASSES, o.epochs(), o.lr());
            long t0 = System.nanoTime();
            Object result = code.callStatic(NET, "train", new Class<?>[] {netClass, Tensor.class, Tensor.class,
                int.class, double.class, Rng.class}, net, xTrain, data.train().labels(), o.epochs(), o.lr(), rng);
            long t1 = System.nanoTime();
            if (!(result instanceof double[] accuracy) || accuracy.length != o.epochs()) {
                throw new StudentFault("train must return one training accuracy per epoch", false, false, null);
            }
            for (int e = 0; e < accuracy.length; e++) {
                out.printf(Locale.ROOT, "  epoch %3d  training accuracy %s%n", e + 1,
                        MemorizationCommand.percent(accuracy[e]));
            }
            if (!(code.call(net, "forward", xTest) instanceof Tensor logits)) {
                throw new StudentFault("forward must return a Tensor", false, false, null);
            }
            double test = accuracy(logits, data.test().labels());
            out.printf(Locale.ROOT, "test accuracy %s on %,d images (chance %s); training took %.1f s%n",
                    MemorizationCommand.percent(test), xTest.size(0), MemorizationCommand.percent(1.0 / CLASSES),
                    (t1 - t0) / 1e9);
            out.println(real ? "trained on Fashion-MNIST from " + o.data()
                    : "trained on generated data (install dataset-fashion-mnist for the real set)");
            return 0;
        } catch (StudentFault e) {
            err.println("gradlab train-mlp: " + NET + ": " + e.getMessage());
            return 1;
        } catch (IllegalStateException | IOException e) {
            err.println("gradlab train-mlp: " + e.getMessage());
            return 1;
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    /** The options, or null when help was asked for. */
    static Options parse(String[] args) {
        Path workspace = null;
        int epochs = 5;
        int hidden = 64;
        int train = 2000;
        int test = 1000;
        double lr = 0.1;
        long seed = 1;
        Path data = FashionMnist.DEBIAN;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--workspace" -> workspace = Path.of(MemorizationCommand.value(args, ++i, a));
                case "--epochs" -> epochs = MemorizationCommand.positive(a, MemorizationCommand.value(args, ++i, a));
                case "--hidden" -> hidden = MemorizationCommand.positive(a, MemorizationCommand.value(args, ++i, a));
                case "--train" -> train = MemorizationCommand.positive(a, MemorizationCommand.value(args, ++i, a));
                case "--test" -> test = MemorizationCommand.positive(a, MemorizationCommand.value(args, ++i, a));
                case "--lr" -> lr = rate(a, MemorizationCommand.value(args, ++i, a));
                case "--seed" -> seed = MemorizationCommand.number(a, MemorizationCommand.value(args, ++i, a));
                case "--data" -> data = Path.of(MemorizationCommand.value(args, ++i, a));
                default -> throw new IllegalArgumentException("unexpected argument " + a);
            }
        }
        return new Options(workspace, epochs, hidden, train, test, lr, seed, data);
    }

    private static double rate(String option, String v) {
        try {
            double r = Double.parseDouble(v);
            if (r > 0 && r < 100) {
                return r;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " expects a positive number below 100, got " + v);
    }

    /**
     * (N, 784) with pixels in [0, 1]: the loader's standardization undone, as the exercise's MLP
     * expects raw intensities. Generated images (standard normal pixels) are read as standardized
     * too and clamped to [0, 1].
     */
    static Tensor unit(Tensor images) {
        double[] x = images.toArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(1, Math.max(0, x[i] * FashionMnist.STD + FashionMnist.MEAN));
        }
        return Tensor.of(x, images.size(0), x.length / images.size(0));
    }

    /** The fraction of rows whose largest logit is the label's. */
    static double accuracy(Tensor logits, Tensor labels) {
        double[] predicted = logits.argmax(1, false).toArray();
        double[] truth = labels.toArray();
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }
}
