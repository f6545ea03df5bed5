package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.BatchNorm;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentFault;
import org.gradlab.grader.spec.StudentInstance;
import org.gradlab.grader.spec.Verdict;

/**
 * BatchNorm of exercise 10 against the reference {@link BatchNorm}: training mode on (N, C) and
 * (N, C, H, W) inputs including batch 2 and a single image, evaluation mode with given running
 * statistics, a large common offset (breaks the E[x²] − E[x]² variance), and the running
 * statistics after one and three training forwards and across an evaluation forward.
 */
final class BatchNormChecks {
    private static final String CLASS = "regularization.BatchNorm";
    private static final double[] MOMENTA = {0.05, 0.1, 0.2, 0.3};
    private static final double[] EPSILONS = {1e-5, 1e-3};
    private static final double OFFSET = 1e6;

    private final Grading g;
    private final Rng r;
    private final double momentum;
    private final double eps;

    private BatchNormChecks(Grading g) {
        this.g = g;
        this.r = g.rng("batchnorm");
        this.momentum = MOMENTA[r.nextInt(MOMENTA.length)];
        this.eps = EPSILONS[r.nextInt(EPSILONS.length)];
    }

    static void run(Grading g) {
        new BatchNormChecks(g).all();
    }

    private void all() {
        int c = 2 + r.nextInt(4);
        training("training", new int[] {3 + r.nextInt(4), c}, true);
        int c4 = 2 + r.nextInt(2);
        training("training", new int[] {2 + r.nextInt(2), c4, 2 + r.nextInt(2), 2 + r.nextInt(2)}, false);
        training("training, batch 2", new int[] {2, 2 + r.nextInt(4)}, false);
        training("training, a single image", new int[] {1, 2 + r.nextInt(2), 2 + r.nextInt(2), 2 + r.nextInt(2)},
                false);
        evaluation(new int[] {1 + r.nextInt(3), 2 + r.nextInt(2), 2 + r.nextInt(2), 2 + r.nextInt(2)});
        largeOffset(new int[] {6 + r.nextInt(5), 2 + r.nextInt(3)});
        runningStatistics(2 + r.nextInt(3));
    }

    private String layerName(int channels) {
        return "BatchNorm(" + channels + ", momentum=" + momentum + ", eps=" + eps + ")";
    }

    /** The reference with random γ and β, so a student ignoring either is caught. */
    private BatchNorm reference(int channels) {
        BatchNorm ref = new BatchNorm(DType.FLOAT64, channels, eps, momentum);
        ref.weight().value().copyFrom(Tensor.uniform(r, 0.5, 1.5, channels));
        ref.bias().value().copyFrom(Tensor.randn(r, channels).mul(0.5));
        return ref;
    }

    private Layer student(int channels) {
        return new StudentInstance(g.code(), CLASS, channels, momentum, eps).layer();
    }

    /** Per-channel offsets and scales, so every channel has its own statistics. */
    private Tensor data(int[] shape) {
        int[] view = channelView(shape);
        Tensor scale = Tensor.uniform(r, 0.5, 2.0, view);
        Tensor offset = Tensor.uniform(r, -2.0, 2.0, view);
        return Tensor.randn(r, shape).mul(scale).add(offset);
    }

    private void training(String label, int[] shape, boolean invariants) {
        int channels = shape[1];
        BatchNorm ref = reference(channels);
        Tensor x = data(shape);
        Tensor go = Tensor.randn(r, shape);
        Tensor gamma = ref.weight().value().reshape(channelView(shape));
        int[] axes = statAxes(shape.length);
        Tensor xhat = x.sub(x.mean(axes, true));
        Tensor sigma = xhat.square().mean(axes, true).add(eps).sqrt();
        xhat = xhat.div(sigma);
        Tensor dxhat = go.mul(gamma);
        MistakeDiagnosis input = new MistakeDiagnosis()
                .variant("batch norm backward missing the mean terms: the batch mean and variance depend on x too"
                        + " (dx = γ·g/σ is only the first of three terms)", dxhat.div(sigma))
                .variant("batch norm backward missing the variance term (−x̂·mean(γ·g·x̂))",
                        dxhat.sub(dxhat.mean(axes, true)).div(sigma))
                .variant("batch norm backward missing the mean term (−mean(γ·g))",
                        dxhat.sub(xhat.mul(dxhat.mul(xhat).mean(axes, true))).div(sigma))
                .factor("the batch size", shape[0]);
        MistakeDiagnosis params = new MistakeDiagnosis().factor("the batch size", shape[0])
                .factor("the number of values per channel", x.numel() / (double) channels);
        LayerOracle.judge(g, layerName(channels), student(channels), ref,
                new LayerOracle.Case(label + " " + Arrays.toString(shape), x, go, input, params), invariants);
    }

    /**
     * Evaluation mode with random running statistics, written into the student's buffers before
     * every forward so this case tests the use of running statistics, not their update.
     */
    private void evaluation(int[] shape) {
        int channels = shape[1];
        BatchNorm ref = reference(channels);
        ref.runningMean().copyFrom(Tensor.randn(r, channels));
        ref.runningVar().copyFrom(Tensor.uniform(r, 0.5, 2.0, channels));
        ref.setTraining(false);
        StudentInstance inst = new StudentInstance(g.code(), CLASS, channels, momentum, eps);
        Layer inner = inst.layer();
        Layer student = new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                inner.setTraining(false);
                setBuffer(inst, "runningMean", ref.runningMean());
                setBuffer(inst, "runningVar", ref.runningVar());
                return inner.forward(input);
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                return inner.backward(gradOutput);
            }

            @Override
            public List<Parameter> parameters() {
                return inner.parameters();
            }
        };
        Tensor x = data(shape);
        Tensor go = Tensor.randn(r, shape);
        MistakeDiagnosis input = new MistakeDiagnosis().variant("evaluation-mode backward with the batch-statistics"
                + " formula: in evaluation the running statistics are constants, so dx = γ·g/√(running_var + ε)",
                evalWithBatchFormula(ref, x, go));
        LayerOracle.judge(g, layerName(channels), student, ref, new LayerOracle.Case("evaluation mode "
                + Arrays.toString(shape), x, go, input, new MistakeDiagnosis()), false);
    }

    /** What the training-mode backward formula gives on an evaluation pass (a tell-tale mistake). */
    private Tensor evalWithBatchFormula(BatchNorm ref, Tensor x, Tensor go) {
        int[] axes = statAxes(x.dim());
        int[] view = channelView(x.shape());
        Tensor sigma = ref.runningVar().add(eps).sqrt().reshape(view);
        Tensor xhat = x.sub(ref.runningMean().reshape(view)).div(sigma);
        Tensor dxhat = go.mul(ref.weight().value().reshape(view));
        return dxhat.sub(dxhat.mean(axes, true)).sub(xhat.mul(dxhat.mul(xhat).mean(axes, true))).div(sigma);
    }

    /** Writes the reference buffer into the student's, which must be the layer's own tensor. */
    private static void setBuffer(StudentInstance inst, String accessor, Tensor value) {
        Tensor buffer = inst.callTensor(accessor);
        if (buffer == null || !buffer.sameShape(value)) {
            throw new StudentFault("BatchNorm." + accessor + "() must return the running buffer of shape "
                    + Arrays.toString(value.shape()) + ", returned " + (buffer == null ? "null"
                            : "shape " + Arrays.toString(buffer.shape())), false, false, null);
        }
        buffer.copyFrom(value);
        if (!inst.callTensor(accessor).allClose(value, 0, 0)) {
            throw new StudentFault("BatchNorm." + accessor + "() must return the layer's own buffer, not a copy (the"
                    + " grader sets the running statistics through it for the evaluation-mode case)", false, false,
                    null);
        }
    }

    /** x ≈ 1e6 ± a few: two-pass statistics are exact enough, E[x²] − E[x]² is not. */
    private void largeOffset(int[] shape) {
        int channels = shape[1];
        BatchNorm ref = reference(channels);
        Tensor centred = data(shape);
        Tensor x = centred.add(OFFSET);
        Tensor expected = ref.forward(x.copy());
        String name = layerName(channels) + "/training with a large offset (x ≈ 1e6 ± a few) "
                + Arrays.toString(shape) + ": forward";
        g.check(Part.EDGE_CASES, name, () -> {
            Layer s = student(channels);
            LayerOracle.syncParameters(layerName(channels), ref.parameters(), s.parameters());
            Comparison cmp = TensorComparison.compare("output", expected, s.forward(x.copy()), LayerOracle.RTOL,
                    LayerOracle.ATOL);
            if (cmp.passed()) {
                return Verdict.of(cmp);
            }
            boolean centredRight = TensorComparison.compare("output", expected, s.forward(centred.copy()),
                    LayerOracle.RTOL, LayerOracle.ATOL).passed();
            return Verdict.fail(cmp.message(), centredRight ? "the variance loses its precision at a large offset"
                    + " (E[x²] − E[x]² cancels catastrophically): compute it as the mean of (x − mean)²" : null);
        });
    }

    /** Running mean and variance after one and three training forwards, and across an evaluation forward. */
    private void runningStatistics(int channels) {
        int[] shape = {2 + r.nextInt(3), channels, 2 + r.nextInt(2), 2 + r.nextInt(2)};
        List<Tensor> batches = List.of(data(shape), data(shape), data(shape));
        Tensor evalBatch = data(shape);
        String prefix = layerName(channels) + "/running statistics on " + Arrays.toString(shape) + " batches";
        for (int steps : new int[] {1, 3}) {
            BatchNorm ref = new BatchNorm(DType.FLOAT64, channels, eps, momentum);
            for (int i = 0; i < steps; i++) {
                ref.forward(batches.get(i).copy());
            }
            List<Tensor> seen = batches.subList(0, steps);
            g.check(Part.STATEFUL_INVARIANTS, prefix + " after " + steps + " training forward" + (steps > 1 ? "s" : ""),
                    () -> {
                        StudentInstance inst = new StudentInstance(g.code(), CLASS, channels, momentum, eps);
                        for (Tensor b : seen) {
                            inst.layer().forward(b.copy());
                        }
                        return compareRunning(inst, ref, seen);
                    });
        }
        g.check(Part.STATEFUL_INVARIANTS, prefix + ": an evaluation forward leaves them unchanged", () -> {
            StudentInstance inst = new StudentInstance(g.code(), CLASS, channels, momentum, eps);
            Layer l = inst.layer();
            l.forward(batches.get(0).copy());
            Tensor mean = copyOf(inst.callTensor("runningMean"));
            Tensor var = copyOf(inst.callTensor("runningVar"));
            l.setTraining(false);
            l.forward(evalBatch.copy());
            for (String accessor : new String[] {"runningMean", "runningVar"}) {
                Comparison cmp = TensorComparison.compare(accessor + "() after an evaluation forward",
                        accessor.equals("runningMean") ? mean : var, inst.callTensor(accessor), 0, 0);
                if (!cmp.passed()) {
                    return Verdict.fail(cmp.message(), "running statistics updated in evaluation mode: only training"
                            + " forwards update them");
                }
            }
            return Verdict.pass("running statistics unchanged by an evaluation forward");
        });
    }

    private static Tensor copyOf(Tensor t) {
        return t == null ? null : t.copy();
    }

    private Verdict compareRunning(StudentInstance inst, BatchNorm ref, List<Tensor> seen) {
        Tensor mean = inst.callTensor("runningMean");
        Comparison cm = TensorComparison.compare("runningMean()", ref.runningMean(), mean, LayerOracle.RTOL,
                LayerOracle.ATOL);
        if (!cm.passed()) {
            return Verdict.fail(cm.message(), new MistakeDiagnosis()
                    .variant(SWAPPED, simulate(seen, false, true, false)[0])
                    .variant(NOT_UPDATED, Tensor.zeros(ref.numFeatures()))
                    .diagnose(ref.runningMean(), mean));
        }
        Tensor var = inst.callTensor("runningVar");
        Comparison cv = TensorComparison.compare("runningVar()", ref.runningVar(), var, LayerOracle.RTOL,
                LayerOracle.ATOL);
        if (!cv.passed()) {
            return Verdict.fail(cv.message(), new MistakeDiagnosis()
                    .variant("running variance biased: update it with the UNBIASED batch variance (× n/(n−1), n"
                            + " values per channel), as PyTorch does; only the normalization uses the biased one",
                            simulate(seen, true, false, false)[1])
                    .variant("running variance unbiased with the batch size N only: n in n/(n−1) counts every value"
                            + " of a channel (N·H·W)", simulate(seen, false, false, true)[1])
                    .variant(SWAPPED, simulate(seen, false, true, false)[1])
                    .variant(NOT_UPDATED, Tensor.ones(ref.numFeatures()))
                    .diagnose(ref.runningVar(), var));
        }
        return Verdict.pass(cm.message() + "; " + cv.message());
    }

    private static final String SWAPPED = "momentum applied the wrong way round: running = (1 − momentum)·running"
            + " + momentum·batch statistic";
    private static final String NOT_UPDATED = "running statistics never updated by training forwards";

    /** The running {mean, var} a mistaken update would give (biased variance, swapped momentum, n = N). */
    private Tensor[] simulate(List<Tensor> seen, boolean biased, boolean swapped, boolean batchOnly) {
        int channels = seen.get(0).size(1);
        Tensor mean = Tensor.zeros(channels);
        Tensor var = Tensor.ones(channels);
        double keep = swapped ? momentum : 1 - momentum;
        for (Tensor b : seen) {
            int[] axes = statAxes(b.dim());
            double n = batchOnly ? b.size(0) : b.numel() / (double) channels;
            Tensor m = b.mean(axes, false);
            Tensor v = b.sub(b.mean(axes, true)).square().mean(axes, false).mul(biased ? 1 : n / (n - 1));
            mean = mean.mul(keep).add(m.mul(1 - keep));
            var = var.mul(keep).add(v.mul(1 - keep));
        }
        return new Tensor[] {mean, var};
    }

    /** Every axis but the channel axis 1. */
    private static int[] statAxes(int rank) {
        List<Integer> axes = new ArrayList<>();
        for (int a = 0; a < rank; a++) {
            if (a != 1) {
                axes.add(a);
            }
        }
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** (1, C, 1, …): the shape per-channel values broadcast from. */
    private static int[] channelView(int[] shape) {
        int[] view = new int[shape.length];
        Arrays.fill(view, 1);
        view[1] = shape[1];
        return view;
    }
}
