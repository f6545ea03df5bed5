package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.StudentInstance;
import org.gradlab.grader.spec.Verdict;

/**
 * 05-fully-connected's {@code linear.TwoLayerNet}: forward and parameter gradients against the
 * reference Linear, ReLU, Linear with the student's parameters set to the reference's, gradients
 * accumulating, and {@code train} fitting a generated set of Gaussian clusters.
 */
final class TwoLayerNetChecks {
    static final String NET = "linear.TwoLayerNet";
    static final int EPOCHS = 15;
    static final double LR = 0.2;
    static final double REQUIRED_ACCURACY = 0.95;
    private static final List<String> NAMES = List.of("hidden weight", "hidden bias", "output weight", "output bias");

    private TwoLayerNetChecks() {
    }

    /** The reference network (hidden Linear, ReLU, output Linear) and its four parameters in order. */
    private record Reference(Layer hidden, Layer relu, Layer output) {
        Tensor forward(Tensor x) {
            return output.forward(relu.forward(hidden.forward(x)));
        }

        void backward(Tensor g) {
            hidden.backward(relu.backward(output.backward(g)));
        }

        List<Parameter> parameters() {
            return List.of(hidden.parameters().get(0), hidden.parameters().get(1), output.parameters().get(0),
                    output.parameters().get(1));
        }
    }

    static void run(Grading g, StudentCode code) {
        Rng rng = g.rng("two-layer net");
        int n = 2 + rng.nextInt(4);
        int in = 2 + rng.nextInt(4);
        int hidden = 3 + rng.nextInt(4);
        int classes = 2 + rng.nextInt(3);
        long init = (long) (rng.uniform() * (1L << 52));
        Rng initRng = new Rng(init);
        Reference ref = new Reference(new Linear(in, hidden, initRng), new ReLU(), new Linear(hidden, classes,
                initRng));
        StudentInstance net = new StudentInstance(code, NET, in, hidden, classes, new Rng(init));
        Tensor drawn = Tensor.randn(rng, n, in);
        for (int attempt = 0; attempt < 20 && !someUnitsInactive(ref, drawn); attempt++) {
            drawn = Tensor.randn(rng, n, in); // a case where the ReLU's mask matters, so leaving it out is caught
        }
        Tensor x = drawn;
        Tensor gradLogits = Tensor.randn(rng, n, classes);
        String label = "TwoLayerNet(" + in + ", " + hidden + ", " + classes + ") on " + Arrays.toString(x.shape());
        Tensor expected = ref.forward(x);
        ref.backward(gradLogits);

        g.check(Part.FORWARD, label + ": forward (logits)", () -> {
            List<Parameter> ps = copied(net, ref);
            if (ps == null) {
                return Verdict.fail(parameterProblem(net, ref));
            }
            return Verdict.of(TensorComparison.compare("logits", expected, net.callTensor("forward", x),
                    LayerOracle.RTOL, LayerOracle.ATOL));
        });
        g.check(Part.PARAMETER_GRADIENTS, label + ": backward (parameter gradients)", () -> {
            List<Parameter> ps = copied(net, ref);
            if (ps == null) {
                return Verdict.fail(parameterProblem(net, ref));
            }
            net.call("forward", x.copy());
            net.call("backward", gradLogits.copy());
            return compareGrads(ps, ref, x, gradLogits, 1);
        });
        g.check(Part.STATEFUL_INVARIANTS, label + ": gradients accumulate over two backward calls", () -> {
            List<Parameter> ps = copied(net, ref);
            if (ps == null) {
                return Verdict.fail(parameterProblem(net, ref));
            }
            net.call("forward", x.copy());
            net.call("backward", gradLogits.copy());
            net.call("backward", gradLogits.copy());
            return compareGrads(ps, ref, x, gradLogits, 2);
        });
        g.check(Part.STATEFUL_INVARIANTS, "TwoLayerNet.train: 4 Gaussian clusters in 10-d, 200 examples, "
                + EPOCHS + " epochs, lr " + LR, () -> train(g, code));
    }

    private static boolean someUnitsInactive(Reference ref, Tensor x) {
        return ref.hidden().forward(x).le(0).sumAll() > 0;
    }

    /** The student's parameters with the reference's values and zero gradients, or null if they do not fit. */
    private static List<Parameter> copied(StudentInstance net, Reference ref) {
        List<Parameter> ps = net.parameters();
        List<Parameter> rs = ref.parameters();
        if (ps.size() != rs.size()) {
            return null;
        }
        for (int i = 0; i < ps.size(); i++) {
            if (!ps.get(i).value().sameShape(rs.get(i).value())) {
                return null;
            }
        }
        for (int i = 0; i < ps.size(); i++) {
            ps.get(i).value().copyFrom(rs.get(i).value());
            ps.get(i).zeroGrad();
        }
        return ps;
    }

    private static String parameterProblem(StudentInstance net, Reference ref) {
        List<String> shapes = net.parameters().stream().map(p -> Arrays.toString(p.value().shape())).toList();
        List<String> want = ref.parameters().stream().map(p -> Arrays.toString(p.value().shape())).toList();
        return "parameters() must return the hidden layer's weight and bias, then the output layer's, shapes " + want
                + "; got " + shapes;
    }

    private static Verdict compareGrads(List<Parameter> ps, Reference ref, Tensor x, Tensor g, double times) {
        for (int i = 0; i < ps.size(); i++) {
            Tensor expected = ref.parameters().get(i).grad().mul(times);
            Tensor actual = ps.get(i).grad();
            if (actual == null) {
                return Verdict.fail("grad " + NAMES.get(i) + " is missing after backward: accumulateGrad it");
            }
            Comparison c = TensorComparison.compare("grad " + NAMES.get(i), expected, actual, LayerOracle.RTOL,
                    LayerOracle.ATOL);
            if (!c.passed()) {
                MistakeDiagnosis m = new MistakeDiagnosis().factor("the batch size", x.size(0)).factor("2", 2);
                if (times == 2) {
                    m.factor("1/2: overwritten instead of accumulated", 0.5);
                }
                if (i < 2) {
                    m.variant("the ReLU's mask left out of backward (the gradient passed through where the hidden"
                            + " pre-activation was ≤ 0)", unmasked(ref, x, g, i).mul(times));
                }
                return Verdict.of(c, m.diagnose(expected, actual));
            }
        }
        return Verdict.pass("all four parameter gradients match");
    }

    /** The hidden layer's gradient (weight i = 0, bias i = 1) had the ReLU been skipped in backward. */
    private static Tensor unmasked(Reference ref, Tensor x, Tensor g, int i) {
        Tensor w2 = ref.output().parameters().get(0).value();
        Tensor dh = g.matmul(w2); // (N, hidden), no mask
        return i == 0 ? dh.t().matmul(x) : dh.sum(0, false);
    }

    private static Verdict train(Grading g, StudentCode code) {
        Rng rng = g.rng("train data");
        int n = 200;
        int dim = 10;
        int classes = 4;
        Tensor centres = Tensor.randn(rng, classes, dim).mul(2.0);
        Tensor x = Tensor.randn(rng, n, dim);
        Tensor labels = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels.set(c, i);
            for (int j = 0; j < dim; j++) {
                x.set(x.get(i, j) + centres.get(c, j), i, j);
            }
        }
        long init = (long) (rng.uniform() * (1L << 52));
        long order = (long) (rng.uniform() * (1L << 52));
        Object net = code.construct(NET, Object.class, dim, 16, classes, new Rng(init));
        Tensor xCopy = x.copy();
        Object r = code.callStatic(NET, "train", new Class<?>[] {code.load(NET), Tensor.class, Tensor.class,
                int.class, double.class, Rng.class}, net, x, labels, EPOCHS, LR, new Rng(order));
        if (!(r instanceof double[] acc) || acc.length != EPOCHS) {
            return Verdict.fail("train must return one accuracy per epoch (" + EPOCHS + " values), returned "
                    + (r instanceof double[] a ? a.length + " values" : String.valueOf(r)));
        }
        if (!x.allClose(xCopy, 0, 0)) {
            return Verdict.fail("train changed the training inputs x; leave them as they are");
        }
        Tensor logits = StudentInstance.tensor("TwoLayerNet.forward", code.call(net, "forward", x));
        if (logits == null || logits.dim() != 2 || logits.size(0) != n || logits.size(1) != classes) {
            return Verdict.fail("forward of x (" + n + ", " + dim + ") must return logits (" + n + ", " + classes
                    + "), got " + (logits == null ? "null" : Arrays.toString(logits.shape())));
        }
        double actual = logits.argmax(1, false).eq(labels).meanAll();
        double last = acc[EPOCHS - 1];
        if (Math.abs(last - actual) > 1e-9) {
            return Verdict.fail(String.format(Locale.ROOT, "the last epoch's accuracy is reported as %.4f but the"
                    + " trained network classifies %.4f of x correctly: report the accuracy on all of x after each"
                    + " epoch, as a fraction in [0, 1]", last, actual));
        }
        String curve = String.format(Locale.ROOT, "accuracy after epoch 1: %.3f, after epoch %d: %.3f", acc[0],
                EPOCHS, last);
        if (last < REQUIRED_ACCURACY) {
            return Verdict.fail(curve + "; at least " + REQUIRED_ACCURACY + " required (clusters this far apart are"
                    + " learnt easily: check the softmax cross-entropy gradient, (softmax − one-hot)/B, and that"
                    + " every batch zeroes the gradients before backward and steps value −= lr·grad)");
        }
        return Verdict.pass(curve);
    }
}
