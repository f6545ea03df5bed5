package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.List;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.ScaledDotProductAttention;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentInstance;
import org.gradlab.grader.spec.Verdict;

/**
 * ScaledDotProductAttention of exercise 12 against the reference: 3-d and 4-d inputs, causal and
 * not, a batch of one; as edge cases L ≠ S both ways, scores of ±1000 (a softmax without the max
 * shift gives NaN) and the causal mask judged on the student's own forward: changing the keys and
 * values from position m on must leave the outputs of the queries before m unchanged.
 */
final class AttentionChecks {
    private static final String CLASS = "attention.ScaledDotProductAttention";
    private static final double LARGE_SCORE = 1000;
    static final String SCALE_BY_E = "scores scaled by 1/E instead of 1/√E (E = the query/key feature size)";
    static final String DIAGONAL_MASKED = "causal mask off by one (diagonal masked): query i must see keys j ≤ i,"
            + " its own position included";
    private static final String NO_GP_TERM = "softmax backward missing the −(g·p) term: every probability of a row"
            + " depends on every score of it, so ds = p ⊙ (dp − Σⱼ dpⱼ·pⱼ), not p ⊙ dp";
    private static final List<String> GRADS = List.of("grad query", "grad key", "grad value");
    private static final String NO_MASK = "causal mask not applied: query i also attends to later keys j > i";

    private final Grading g;
    private final Rng r;

    private AttentionChecks(Grading g) {
        this.g = g;
        this.r = g.rng("scaled dot-product attention");
    }

    static void run(Grading g) {
        AttentionChecks c = new AttentionChecks(g);
        int l = 2 + c.r.nextInt(3);
        c.judge("3-d", new int[] {2 + c.r.nextInt(2)}, l, l + 1 + c.r.nextInt(2), false, null, true);
        l = 2 + c.r.nextInt(3);
        c.judge("4-d", new int[] {2, 1 + c.r.nextInt(2)}, l, l, true, null, false);
        l = 2 + c.r.nextInt(3);
        c.judge("4-d", new int[] {1 + c.r.nextInt(2), 2}, l, 2 + c.r.nextInt(3), false, null, false);
        l = 2 + c.r.nextInt(4);
        c.judge("batch 1", new int[] {1}, l, l, true, null, false);
        l = 2 + c.r.nextInt(2);
        c.judge("L > S", new int[] {2}, l + 2, l, true, Part.EDGE_CASES, false);
        c.judge("L < S", new int[] {1, 2}, l, l + 2, true, Part.EDGE_CASES, false);
        c.largeScores();
        c.causalMask();
    }

    /** Query, key and value of the given batch shape, lengths and feature sizes E and Ev. */
    private Tensor[] draw(int[] batch, int l, int s, int e, int ev) {
        return new Tensor[] {Tensor.randn(r, shape(batch, l, e)), Tensor.randn(r, shape(batch, s, e)),
            Tensor.randn(r, shape(batch, s, ev))};
    }

    private void judge(String label, int[] batch, int l, int s, boolean causal, Part part, boolean invariants) {
        Tensor[] qkv = draw(batch, l, s, 2 + r.nextInt(4), 2 + r.nextInt(3));
        judge(label, qkv, causal, part, invariants);
    }

    private void judge(String label, Tensor[] qkv, boolean causal, Part part, boolean invariants) {
        Tensor q = qkv[0];
        Tensor k = qkv[1];
        Tensor v = qkv[2];
        int[] outShape = q.shape();
        outShape[outShape.length - 1] = v.size(-1);
        Tensor go = Tensor.randn(r, outShape);
        ModuleOracle.Case c = new ModuleOracle.Case(label + ": q " + dims(q) + ", k " + dims(k) + ", v " + dims(v))
                .input("query", q).input("key", k).input("value", v).output("output", go);
        diagnoses(c, causal);
        if (part != null) {
            c.part(part);
        }
        StudentInstance s = new StudentInstance(g.code(), CLASS, causal);
        ModuleOracle.judge(g, name(causal), student(s), reference(causal), c, invariants);
    }

    /** The student's attention as a module; it has no parameters (and need not declare parameters()). */
    private static ModuleOracle.Module student(StudentInstance s) {
        return ModuleOracle.of(in -> new Tensor[] {s.callTensor("forward", in[0], in[1], in[2])},
                go -> StudentInstance.tensors("ScaledDotProductAttention.backward", s.call("backward", go[0]), GRADS),
                List::of);
    }

    /**
     * Scores up to ±1000, made by scaling q: the largest score a query sees (masked ones aside) is
     * +1000, so exp overflows without the max shift.
     */
    private void largeScores() {
        int l = 2 + r.nextInt(3);
        int s = l + r.nextInt(2);
        boolean causal = r.nextInt(2) == 0;
        Tensor[] qkv = draw(new int[] {2}, l, s, 2 + r.nextInt(3), 2 + r.nextInt(2));
        Tensor scores = qkv[0].matmul(qkv[1].transpose(-2, -1)).div(Math.sqrt(qkv[0].size(-1)));
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (int i = 0; i < scores.numel(); i++) {
            if (!causal || i % s <= i / s % l) {
                top = Math.max(top, scores.getFlat(i));
                bottom = Math.min(bottom, scores.getFlat(i));
            }
        }
        // the score of largest magnitude becomes +1000 (q negated when it is negative)
        qkv[0] = qkv[0].mul(LARGE_SCORE / (top >= -bottom ? top : bottom));
        judge("scores up to ±1000", qkv, causal, Part.EDGE_CASES, false);
    }

    /**
     * The causal mask judged on the student's own forward (future keys and values replaced must not
     * change earlier rows), then against the reference, naming a mask that also hides the diagonal.
     */
    private void causalMask() {
        int l = 3 + r.nextInt(3);
        int s = l + r.nextInt(2);
        int m = 2 + r.nextInt(l - 2);
        Tensor[] qkv = draw(new int[] {2}, l, s, 2 + r.nextInt(3), 2 + r.nextInt(2));
        Tensor[] future = {qkv[0], replacedFrom(qkv[1], m), replacedFrom(qkv[2], m)};
        ScaledDotProductAttention ref = new ScaledDotProductAttention();
        Tensor expected = ref.forward(qkv[0], qkv[1], qkv[2], true);
        Tensor unmasked = ref.forward(qkv[0], qkv[1], qkv[2], false);
        // rows 1… of a mask hiding j ≥ i: query i+1 sees keys j ≤ i, the true mask for the queries shifted by one
        Tensor strict = ref.forward(qkv[0].slice(1, 1, l), qkv[1], qkv[2], true);
        Tensor byE = ref.forward(qkv[0].div(Math.sqrt(qkv[0].size(-1))), qkv[1], qkv[2], true);
        String title = name(true) + "/causal mask, q " + dims(qkv[0]) + ", k " + dims(qkv[1]) + ": keys and values"
                + " from position " + m + " on changed, rows 0…" + (m - 1) + " must not change";
        g.check(Part.EDGE_CASES, title, () -> {
            Tensor out = studentForward(qkv);
            Tensor changed = studentForward(future);
            for (Tensor t : new Tensor[] {out, changed}) {
                if (t == null || !t.sameShape(expected)) {
                    return Verdict.of(TensorComparison.compare("output", expected, t, 0, 0));
                }
            }
            if (!sameOrBothNaN(out.slice(1, 0, m), changed.slice(1, 0, m))) {
                return Verdict.fail("output rows 0…" + (m - 1) + " changed when only keys and values at positions ≥ "
                        + m + " changed: a query sees later positions", close(unmasked, out) ? NO_MASK : null);
            }
            Comparison cmp = TensorComparison.compare("output", expected, out, ModuleOracle.RTOL, ModuleOracle.ATOL);
            if (cmp.passed()) {
                return Verdict.of(cmp);
            }
            // row 0 of a mask hiding the diagonal has nothing left to attend to: NaN or anything, so rows 1… decide
            boolean diagonal = close(strict, out.slice(1, 1, l)) && !close(expected.slice(1, 0, 1), out.slice(1, 0, 1));
            return Verdict.fail(cmp.message(), diagonal ? DIAGONAL_MASKED : new MistakeDiagnosis()
                    .variant(SCALE_BY_E, byE).diagnose(expected, out));
        });
    }

    private Tensor studentForward(Tensor[] qkv) {
        StudentInstance s = new StudentInstance(g.code(), CLASS, true);
        return s.callTensor("forward", qkv[0].copy(), qkv[1].copy(), qkv[2].copy());
    }

    /** {@code t} (B, S, F) with positions m… along axis 1 redrawn. */
    private Tensor replacedFrom(Tensor t, int m) {
        Tensor head = t.slice(1, 0, m);
        Tensor tail = Tensor.randn(r, t.size(0), t.size(1) - m, t.size(2));
        return Tensor.cat(List.of(head, tail), 1);
    }

    /** Known mistakes, as what they would give for this case (computed with the reference). */
    private static void diagnoses(ModuleOracle.Case c, boolean causal) {
        Tensor q = c.input("query");
        Tensor k = c.input("key");
        Tensor v = c.input("value");
        Tensor go = c.gradOutput("output");
        double root = Math.sqrt(q.size(-1));
        // softmax(q·kᵀ/E) is the reference at q/√E; the student's dq carries that 1/√E once more
        ScaledDotProductAttention byE = new ScaledDotProductAttention();
        Tensor outByE = byE.forward(q.div(root), k, v, causal);
        ScaledDotProductAttention.Grads gradsByE = byE.backward(go);
        MistakeDiagnosis output = new MistakeDiagnosis().variant(SCALE_BY_E, outByE);
        if (causal) {
            output.variant(NO_MASK, new ScaledDotProductAttention().forward(q, k, v, false));
        }
        c.diagnoseOutput("output", output);
        Tensor[] noGp = withoutGpTerm(q, k, v, go, causal);
        c.diagnoseGrad("query", new MistakeDiagnosis().variant(NO_GP_TERM, noGp[0])
                .variant(SCALE_BY_E, gradsByE.query().div(root)));
        c.diagnoseGrad("key", new MistakeDiagnosis().variant(NO_GP_TERM, noGp[1]).variant(SCALE_BY_E, gradsByE.key()));
        c.diagnoseGrad("value", new MistakeDiagnosis().variant(SCALE_BY_E, gradsByE.value()));
    }

    /** {dq, dk} of a softmax backward without the −(g·p) term: ds = p ⊙ dp / √E. */
    private static Tensor[] withoutGpTerm(Tensor q, Tensor k, Tensor v, Tensor go, boolean causal) {
        ScaledDotProductAttention ref = new ScaledDotProductAttention();
        ref.forward(q, k, v, causal);
        Tensor p = ref.attentionWeights();
        Tensor ds = p.mul(go.matmul(v.transpose(-2, -1))).div(Math.sqrt(q.size(-1)));
        return new Tensor[] {ds.matmul(k), ds.transpose(-2, -1).matmul(q)};
    }

    private static ModuleOracle.Module reference(boolean causal) {
        ScaledDotProductAttention ref = new ScaledDotProductAttention();
        return ModuleOracle.of(in -> new Tensor[] {ref.forward(in[0], in[1], in[2], causal)}, go -> {
            ScaledDotProductAttention.Grads d = ref.backward(go[0]);
            return new Tensor[] {d.query(), d.key(), d.value()};
        }, List::of);
    }

    static String name(boolean causal) {
        return "ScaledDotProductAttention(causal=" + causal + ")";
    }

    /** "(2, 3, 4)". */
    static String dims(Tensor t) {
        String s = Arrays.toString(t.shape());
        return "(" + s.substring(1, s.length() - 1) + ")";
    }

    private static int[] shape(int[] batch, int rows, int cols) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = rows;
        s[batch.length + 1] = cols;
        return s;
    }

    private static boolean close(Tensor expected, Tensor actual) {
        return expected.sameShape(actual) && actual.allClose(expected, ModuleOracle.RTOL, ModuleOracle.ATOL);
    }

    /** Equal within tolerance, NaN matching NaN (a fully masked row is NaN in both runs, and unchanged). */
    private static boolean sameOrBothNaN(Tensor a, Tensor b) {
        for (int i = 0; i < a.numel(); i++) {
            double x = a.getFlat(i);
            double y = b.getFlat(i);
            if (!(Double.compare(x, y) == 0 || Math.abs(x - y) <= ModuleOracle.ATOL + ModuleOracle.RTOL * Math.abs(y))) {
                return false;
            }
        }
        return true;
    }
}
