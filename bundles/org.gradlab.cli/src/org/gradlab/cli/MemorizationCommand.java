package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.gradlab.check.Folders;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.course.CourseSources;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.specs.MemorizationData;
import org.gradlab.grader.specs.MemorizationData.Split;

/**
 * {@code gradlab memorize [--epochs N] [--png OUT.png] [--workspace DIR] [--train N] [--test N]
 * [--seed S] [--data DIR]}: the memorization experiment of exercise 13 (Zhang et al. 2017) at CPU
 * scale. Compiles the student's sources (a workspace's src/) or the course's reference solutions,
 * then runs {@code memorization.Experiment.run} twice on the same images — true labels, then
 * randomly shuffled ones — and prints a table per epoch and writes the chart as a PNG. Data:
 * Fashion-MNIST when installed (Debian: {@code apt-get install dataset-fashion-mnist}), a generated
 * data set otherwise, said so in the output. The student's code runs in this process, as in an IDE
 * run: it is their own code on their own machine, not a submission being graded.
 * Exit status 0 on success, 1 when the student's code fails or does not compile, 2 for bad usage.
 */
public final class MemorizationCommand {
    static final String USAGE = """
            usage: gradlab memorize [--epochs N] [--png OUT.png] [--workspace DIR] [--train N] [--test N]
                                    [--seed S] [--data DIR]
              trains the small CNN of exercise 13 on true labels and on shuffled (random) labels and shows
              that it memorizes both while only the true labels generalize
              --epochs N       epochs per run (default 30)
              --png OUT.png    where the chart goes (default memorization.png)
              --workspace DIR  a student workspace (its src/ is compiled); default: the course's solutions
              --train N        training images (default 2000)
              --test N         test images (default 1000)
              --seed S         seed of the runs (default 1)
              --data DIR       folder with Fashion-MNIST's IDX files (default /usr/share/datasets/fashion-mnist)""";
    static final String EXPERIMENT = "memorization.Experiment";
    private static final int CLASSES = 10;

    /** What the command was asked to do. */
    record Options(int epochs, Path png, Path workspace, int train, int test, long seed, Path data) {
    }

    private MemorizationCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("gradlab memorize: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o == null) {
            out.println(USAGE);
            return 0;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("gradlab-memorize-");
            StudentCode code = compile(o.workspace(), work, out, EXPERIMENT, "13-memorization");
            Data data = data(o.data(), o.train(), o.test(), o.seed(), out);
            out.println();
            long t0 = System.nanoTime();
            List<double[]> truth = experiment(code, data, false, o);
            long t1 = System.nanoTime();
            List<double[]> random = experiment(code, data, true, o);
            long t2 = System.nanoTime();
            table(out, truth, random);
            double[] t = truth.get(truth.size() - 1);
            double[] r = random.get(random.size() - 1);
            out.printf(Locale.ROOT, "%ntrue labels:   training accuracy %s, test accuracy %s  (%.1f s)%n",
                    percent(t[1]), percent(t[2]), (t1 - t0) / 1e9);
            out.printf(Locale.ROOT, "random labels: training accuracy %s, test accuracy %s  (%.1f s; chance %s)%n",
                    percent(r[1]), percent(r[2]), (t2 - t1) / 1e9, percent(1.0 / CLASSES));
            String title = "Memorization: the same CNN on true and on random labels";
            String subtitle = data.description() + "; " + o.epochs() + " epochs per run";
            try {
                MemorizationPlot.write(o.png(), truth, random, 1.0 / CLASSES, title, subtitle);
            } catch (IOException | RuntimeException | java.awt.AWTError | InternalError | UnsatisfiedLinkError e) {
                err.println("gradlab memorize: could not write the chart " + o.png() + ": " + e);
                return 1;
            }
            out.println("chart: " + o.png().toAbsolutePath());
            return 0;
        } catch (StudentFault e) {
            err.println("gradlab memorize: " + EXPERIMENT + ": " + e.getMessage());
            return 1;
        } catch (IllegalStateException | IOException e) {
            err.println("gradlab memorize: " + e.getMessage());
            return 1;
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    /** The options, or null when help was asked for. */
    static Options parse(String[] args) {
        int epochs = 30;
        Path png = Path.of("memorization.png");
        Path workspace = null;
        int train = 2000;
        int test = 1000;
        long seed = 1;
        Path data = FashionMnist.DEBIAN;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--epochs" -> epochs = positive(a, value(args, ++i, a));
                case "--png" -> png = Path.of(value(args, ++i, a));
                case "--workspace" -> workspace = Path.of(value(args, ++i, a));
                case "--train" -> train = positive(a, value(args, ++i, a));
                case "--test" -> test = positive(a, value(args, ++i, a));
                case "--seed" -> seed = number(a, value(args, ++i, a));
                case "--data" -> data = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unexpected argument " + a);
            }
        }
        return new Options(epochs, png, workspace, train, test, seed, data);
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static long number(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got " + v);
        }
    }

    static int positive(String option, String v) {
        long n = number(option, v);
        if (n < 1 || n > 1_000_000) {
            throw new IllegalArgumentException(option + " must be between 1 and 1000000, got " + v);
        }
        return (int) n;
    }

    /**
     * The student's workspace src/ (when {@code workspace} is not null), or every reference solution
     * of the course laid together; fails unless the sources have {@code required} (of {@code exercise}).
     */
    static StudentCode compile(Path workspace, Path work, PrintStream out, String required, String exercise) {
        List<Path> layers = new ArrayList<>();
        if (workspace != null) {
            Path src = workspace.resolve("src");
            if (!Files.isDirectory(src)) {
                throw new IllegalStateException(workspace + " is not a workspace: it has no src/ folder");
            }
            layers.add(src);
            out.println("sources: " + src.toAbsolutePath().normalize());
        } else {
            CourseSources course;
            try {
                course = CourseSources.find();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "; or pass --workspace DIR");
            }
            Path solutions = course.exercises().resolve("solutions");
            try (Stream<Path> s = Files.list(solutions)) {
                // each solution is its exercise's stubs (with the given classes) and its own files laid over them
                for (Path solution : s.filter(p -> Files.isDirectory(p.resolve("src"))).sorted().toList()) {
                    layers.add(course.exercise(solution.getFileName().toString()).resolve("src"));
                    layers.add(solution.resolve("src"));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + solutions + ": " + e.getMessage());
            }
            out.println("sources: the course's reference solutions (" + solutions + ")");
        }
        StudentCode code = CourseSources.compile(layers, work);
        if (!code.has(required)) {
            throw new IllegalStateException("the sources have no " + required + " (exercise " + exercise + ")");
        }
        return code;
    }

    /** Images and labels of both splits, and a line saying where they come from. */
    record Data(Split train, Split test, String description) {
    }

    /** {@code nTrain} and {@code nTest} images from Fashion-MNIST in {@code dir}, or generated from {@code seed}. */
    static Data data(Path dir, int nTrain, int nTest, long seed, PrintStream out) throws IOException {
        Data d;
        if (FashionMnist.present(dir)) {
            Split train = FashionMnist.train(dir, nTrain);
            Split test = FashionMnist.test(dir, nTest);
            d = new Data(train, test, String.format(Locale.ROOT, "Fashion-MNIST, %,d training and %,d test images of"
                    + " 28×28", train.size(), test.size()));
            out.println("data: " + d.description() + " (" + dir + ")");
        } else {
            // no Fashion-MNIST: clusters of 10 training and 5 test images each, 28×28, in 10 classes
            int clusters = Math.max(CLASSES, (nTrain + 9) / 10);
            MemorizationData.DataSet g = MemorizationData.generate(new MemorizationData.Recipe(clusters, CLASSES, 10,
                    Math.max(1, (nTest + clusters - 1) / clusters), 1, 28, 0.5, 1.0), new Rng(seed));
            Split train = first(g.train(), nTrain);
            Split test = first(g.test(), nTest);
            d = new Data(train, test, String.format(Locale.ROOT, "generated data, %,d training and %,d test images of"
                    + " 28×28", train.size(), test.size()));
            out.println("data: " + d.description() + " — Fashion-MNIST was not found in " + dir
                    + " (Debian: apt-get install dataset-fashion-mnist)");
        }
        return d;
    }

    private static Split first(Split s, int n) {
        int k = Math.min(n, s.size());
        return new Split(s.images().slice(0, 0, k), s.labels().slice(0, 0, k));
    }

    private static List<double[]> experiment(StudentCode code, Data d, boolean randomLabels, Options o) {
        Object result = code.callStatic(EXPERIMENT, "run", new Class<?>[] {Tensor.class, Tensor.class, Tensor.class,
            Tensor.class, int.class, boolean.class, int.class, Rng.class}, d.train().images(), d.train().labels(),
                d.test().images(), d.test().labels(), CLASSES, randomLabels, o.epochs(), new Rng(o.seed()));
        if (!(result instanceof List<?> list) || list.size() != o.epochs()
                || !list.stream().allMatch(r -> r instanceof double[] row && row.length == 3)) {
            throw new StudentFault("run must return one double[] {trainLoss, trainAccuracy, testAccuracy} per epoch",
                    false, false, null);
        }
        return list.stream().map(r -> (double[]) r).toList();
    }

    private static void table(PrintStream out, List<double[]> truth, List<double[]> random) {
        out.println("        |       true labels        |      random labels");
        out.println("  epoch |   loss   train    test  |   loss   train    test");
        out.println("  ------+--------------------------+-------------------------");
        for (int e = 0; e < truth.size(); e++) {
            double[] t = truth.get(e);
            double[] r = random.get(e);
            out.printf(Locale.ROOT, "  %5d | %6.3f  %6s  %6s  | %6.3f  %6s  %6s%n", e + 1, t[0], percent(t[1]),
                    percent(t[2]), r[0], percent(r[1]), percent(r[2]));
        }
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
