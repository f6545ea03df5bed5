package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.LSTMCell;
import org.gradlab.engine.nn.RNNCell;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentInstance;

/**
 * RNNCell and LSTMCell of exercise 11 against the reference cells: a random batch (with the
 * invariants), a batch of one and saturated pre-activations (every gate reaches |·| ≥ 1000: a hand-written
 * tanh = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) overflows to NaN there) as edge cases. An LSTM whose outputs
 * match the reference with its gate blocks permuted is named as a gate-order mistake (not on the
 * saturated case, where gates of exactly 0 or 1 make some permutations coincide).
 */
final class RecurrentCellChecks {
    private static final String[] GATES = {"i", "f", "g", "o"};
    /** The least largest |pre-activation| per gate in the saturated case: beyond exp's overflow at 709. */
    private static final double SATURATING = 1000;

    private final Grading g;
    private final Rng r;

    private RecurrentCellChecks(Grading g) {
        this.g = g;
        this.r = g.rng("cells");
    }

    static void run(Grading g) {
        RecurrentCellChecks c = new RecurrentCellChecks(g);
        int n = 2 + c.r.nextInt(3);
        c.rnnCell("batch " + n, n, false, null, true);
        c.rnnCell("batch of 1", 1, false, Part.EDGE_CASES, false);
        c.rnnCell("saturated (|pre-activations| ≥ 1000)", 2, true, Part.EDGE_CASES, false);
        n = 2 + c.r.nextInt(3);
        c.lstmCell("batch " + n, n, false, null, true);
        c.lstmCell("batch of 1", 1, false, Part.EDGE_CASES, false);
        c.lstmCell("saturated (|pre-activations| ≥ 1000)", 2, true, Part.EDGE_CASES, false);
    }

    private void rnnCell(String label, int n, boolean saturated, Part part, boolean invariants) {
        int in = 2 + r.nextInt(4);
        int hid = 2 + r.nextInt(4);
        RNNCell ref = new RNNCell(in, hid, r.split());
        Tensor x = Tensor.randn(r, n, in);
        if (saturated) {
            x = saturate(x, ref.weightIh().value(), 1, hid);
        }
        Tensor h = Tensor.uniform(r, -1, 1, n, hid);
        Tensor gh = Tensor.randn(r, n, hid);
        ModuleOracle.Module reference = ModuleOracle.of(i -> new Tensor[] {ref.forward(i[0], i[1])}, go -> {
            RNNCell.Grads d = ref.backward(go[0]);
            return new Tensor[] {d.input(), d.hx()};
        }, ref::parameters);
        String noSlope = "tanh derivative missing: dL/d(pre-activation) = dL/dh'·(1 − h'²)";
        ModuleOracle.Case c = new ModuleOracle.Case(label + ": x (" + n + ", " + in + "), h (" + n + ", "
                + hid + ")").input("x", x).input("h", h).output("h'", gh)
                .diagnoseGrad("x", new MistakeDiagnosis().variant(noSlope, gh.matmul(ref.weightIh().value())))
                .diagnoseGrad("h", new MistakeDiagnosis().variant(noSlope, gh.matmul(ref.weightHh().value())));
        batchFactor(c, ref.parameters(), n);
        if (part != null) {
            c.part(part);
        }
        StudentInstance s = new StudentInstance(g.code(), "rnn.RNNCell", in, hid, new Rng(1));
        ModuleOracle.judge(g, "RNNCell(" + in + ", " + hid + ")", ModuleOracle.student(s, c), reference, c,
                invariants);
    }

    private void lstmCell(String label, int n, boolean saturated, Part part, boolean invariants) {
        int in = 2 + r.nextInt(4);
        int hid = 2 + r.nextInt(4);
        LSTMCell ref = new LSTMCell(in, hid, r.split());
        Tensor x = Tensor.randn(r, n, in);
        if (saturated) {
            x = saturate(x, ref.weightIh().value(), 4, hid);
        }
        Tensor h = Tensor.uniform(r, -1, 1, n, hid);
        Tensor cx = Tensor.randn(r, n, hid);
        Tensor gh = Tensor.randn(r, n, hid);
        Tensor gc = Tensor.randn(r, n, hid);
        ModuleOracle.Case c = new ModuleOracle.Case(label + ": x (" + n + ", " + in + "), h and c (" + n
                + ", " + hid + ")").input("x", x).input("h", h).input("c", cx).output("h'", gh).output("c'", gc);
        if (!saturated) {
            gateOrderDiagnoses(c, ref, in, hid);
        }
        if (part != null) {
            c.part(part);
        }
        StudentInstance s = new StudentInstance(g.code(), "rnn.LSTMCell", in, hid, new Rng(1));
        ModuleOracle.judge(g, "LSTMCell(" + in + ", " + hid + ")", ModuleOracle.student(s, c), lstm(ref), c,
                invariants);
    }

    /** x scaled so that every gate block's largest |x·W_ihᵀ| is at least {@link #SATURATING}. */
    private static Tensor saturate(Tensor x, Tensor weightIh, int gates, int hid) {
        Tensor pre = x.matmul(weightIh.t()).abs();
        double least = Double.POSITIVE_INFINITY;
        for (int k = 0; k < gates; k++) {
            least = Math.min(least, pre.slice(1, k * hid, (k + 1) * hid).maxAll());
        }
        return x.mul(Math.ceil(SATURATING * 1.5 / least));
    }

    private static ModuleOracle.Module lstm(LSTMCell cell) {
        return ModuleOracle.of(i -> {
            LSTMCell.State s = cell.forward(i[0], i[1], i[2]);
            return new Tensor[] {s.h(), s.c()};
        }, go -> {
            LSTMCell.Grads d = cell.backward(go[0], go[1]);
            return new Tensor[] {d.input(), d.hx(), d.cx()};
        }, cell::parameters);
    }

    /** Parameter gradients summed where they should be averaged, or the reverse, show as a factor N. */
    private static void batchFactor(ModuleOracle.Case c, List<Parameter> params, int n) {
        if (n > 1) {
            for (Parameter p : params) {
                c.diagnoseParameter(p.name(), new MistakeDiagnosis().factor("the batch size", n));
            }
        }
    }

    /**
     * For every other order of the four gate blocks, what a cell reading its blocks in that order
     * computes: the reference with its blocks permuted, and its parameter gradients permuted back.
     */
    private void gateOrderDiagnoses(ModuleOracle.Case c, LSTMCell ref, int in, int hid) {
        String[] outs = {"h'", "c'"};
        String[] ins = {"x", "h", "c"};
        List<MistakeDiagnosis> outD = fresh(2);
        List<MistakeDiagnosis> inD = fresh(3);
        List<MistakeDiagnosis> parD = fresh(4);
        for (int[] order : permutations()) {
            // The student uses block k as gate order[k]: the reference needs block order[k] ← block k.
            int[] source = new int[4];
            for (int k = 0; k < 4; k++) {
                source[order[k]] = k;
            }
            LSTMCell alt = new LSTMCell(in, hid, new Rng(0));
            for (int p = 0; p < 4; p++) {
                alt.parameters().get(p).value().copyFrom(blocks(ref.parameters().get(p).value(), source, hid));
            }
            ModuleOracle.Module m = lstm(alt);
            Tensor[] y = m.forward(c.input("x"), c.input("h"), c.input("c"));
            Tensor[] d = m.backward(gradOutputs(c));
            StringBuilder names = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                names.append(k == 0 ? "" : ", ").append(GATES[order[k]]);
            }
            String name = "LSTM gate order swapped: your gate blocks are in the order " + names
                    + "; PyTorch's order is i, f, g, o (input, forget, cell candidate, output)";
            for (int k = 0; k < 2; k++) {
                outD.get(k).variant(name, y[k]);
            }
            for (int k = 0; k < 3; k++) {
                inD.get(k).variant(name, d[k]);
            }
            for (int p = 0; p < 4; p++) {
                parD.get(p).variant(name, blocks(alt.parameters().get(p).grad(), order, hid));
            }
        }
        for (int k = 0; k < 2; k++) {
            c.diagnoseOutput(outs[k], outD.get(k));
        }
        for (int k = 0; k < 3; k++) {
            c.diagnoseGrad(ins[k], inD.get(k));
        }
        for (int p = 0; p < 4; p++) {
            MistakeDiagnosis d = parD.get(p);
            if (c.input("x").size(0) > 1) {
                d.factor("the batch size", c.input("x").size(0));
            }
            c.diagnoseParameter(ref.parameters().get(p).name(), d);
        }
    }

    /** The case's output gradients, in order (h', c'). */
    private static Tensor[] gradOutputs(ModuleOracle.Case c) {
        return new Tensor[] {c.gradOutput("h'"), c.gradOutput("c'")};
    }

    /** Block j (rows j·H … (j+1)·H of axis 0) of the result is block {@code source[j]} of t. */
    private static Tensor blocks(Tensor t, int[] source, int hid) {
        List<Tensor> parts = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            parts.add(t.slice(0, source[j] * hid, (source[j] + 1) * hid));
        }
        return Tensor.cat(parts, 0);
    }

    private static List<MistakeDiagnosis> fresh(int n) {
        List<MistakeDiagnosis> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MistakeDiagnosis());
        }
        return out;
    }

    /** The 23 orders of {0, 1, 2, 3} other than the identity. */
    private static List<int[]> permutations() {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 4; c++) {
                    int d = 6 - a - b - c;
                    if (a != b && a != c && b != c && d != a && d != b && d != c
                            && !(a == 0 && b == 1 && c == 2)) {
                        out.add(new int[] {a, b, c, d});
                    }
                }
            }
        }
        return out;
    }
}
