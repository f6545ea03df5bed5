package org.gradlab.grader.specs;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.MultiheadAttention;
import org.gradlab.engine.nn.ScaledDotProductAttention;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.StudentInstance;

/**
 * MultiheadAttention of exercise 12 against the reference, with random parameters (biases
 * included): cross-attention with L ≠ S (with the invariants), causal self-attention with one
 * tensor passed as query, key and value (the three gradients still judged separately), and a
 * batch of one. Mistakes named: the 1/d score scale and heads split or merged by a plain reshape.
 */
final class MultiheadAttentionChecks {
    private static final String CLASS = "attention.MultiheadAttention";
    static final String HEADS_TRANSPOSED = "heads not split/merged in the right order (transposed head reshape):"
            + " split (N, L, E) as (N, L, heads, d) and swap L and heads to (N, heads, L, d); swap back before"
            + " merging to (N, L, E)";
    private static final String SCALE_BY_D = "scores scaled by 1/d instead of 1/√d (d = E/num_heads, the feature"
            + " size of one head)";
    private static final List<String> GRADS = List.of("grad query", "grad key", "grad value");

    private final Grading g;
    private final Rng r;

    private MultiheadAttentionChecks(Grading g) {
        this.g = g;
        this.r = g.rng("multi-head attention");
    }

    static void run(Grading g) {
        MultiheadAttentionChecks c = new MultiheadAttentionChecks(g);
        int l = 2 + c.r.nextInt(3);
        c.judge("cross-attention", 2 + c.r.nextInt(2), l, l + 1 + c.r.nextInt(2), 2 + c.r.nextInt(2), false, false,
                true);
        c.judge("self-attention, one tensor as query, key and value", 2, 3 + c.r.nextInt(2), 0, 2 + c.r.nextInt(2),
                true, true, true);
        l = 2 + c.r.nextInt(3);
        c.judge("batch 1", 1, l, 2 + c.r.nextInt(3), 1 << c.r.nextInt(3), c.r.nextInt(2) == 0, false, false);
    }

    /** One case: N sequences, L queries over S keys (self-attention: S = L), E = heads·d. */
    private void judge(String label, int n, int l, int s, int heads, boolean causal, boolean self,
            boolean invariants) {
        int e = heads * (2 + r.nextInt(2));
        MultiheadAttention ref = new MultiheadAttention(e, heads, r.split());
        ref.inProjBias().value().copyFrom(Tensor.randn(r, 3 * e).mul(0.5));
        ref.outProjBias().value().copyFrom(Tensor.randn(r, e).mul(0.5));
        Tensor q = Tensor.randn(r, n, l, e);
        Tensor k = self ? q : Tensor.randn(r, n, s, e);
        Tensor v = self ? q : Tensor.randn(r, n, s, e);
        Tensor go = Tensor.randn(r, n, l, e);
        String shapes = self ? "x " + AttentionChecks.dims(q)
                : "q " + AttentionChecks.dims(q) + ", k and v " + AttentionChecks.dims(k);
        ModuleOracle.Case c = new ModuleOracle.Case(label + ": " + shapes).input("query", q).input("key", k)
                .input("value", v).output("output", go);
        diagnoses(c, ref, causal);
        StudentInstance student = new StudentInstance(g.code(), CLASS, e, heads, new Rng(1));
        String name = "MultiheadAttention(" + e + ", heads=" + heads + ", causal=" + causal + ")";
        ModuleOracle.judge(g, name, student(student, causal, self), reference(ref, causal), c, invariants);
    }

    /**
     * The student's module. For self-attention the case's three inputs are equal copies; the
     * student then gets one tensor three times, as model code passes it. (Numeric probes perturb
     * one input, and then the three differ and are passed separately.)
     */
    private static ModuleOracle.Module student(StudentInstance s, boolean causal, boolean self) {
        return ModuleOracle.of(in -> {
            boolean alias = self && in[1].allClose(in[0], 0, 0) && in[2].allClose(in[0], 0, 0);
            Tensor q = in[0];
            Object out = s.call("forward", q, alias ? q : in[1], alias ? q : in[2], causal);
            return new Tensor[] {StudentInstance.tensor("MultiheadAttention.forward", out)};
        }, go -> StudentInstance.tensors("MultiheadAttention.backward", s.call("backward", go[0]), GRADS),
                s::parameters);
    }

    private static ModuleOracle.Module reference(MultiheadAttention ref, boolean causal) {
        return ModuleOracle.of(in -> new Tensor[] {ref.forward(in[0], in[1], in[2], causal)}, go -> {
            ScaledDotProductAttention.Grads d = ref.backward(go[0]);
            return new Tensor[] {d.query(), d.key(), d.value()};
        }, ref::parameters);
    }

    private static void diagnoses(ModuleOracle.Case c, MultiheadAttention ref, boolean causal) {
        Tensor q = c.input("query");
        Tensor k = c.input("key");
        Tensor v = c.input("value");
        MultiheadAttention byD = scaledQueryBlock(ref);
        MistakeDiagnosis output = new MistakeDiagnosis().variant(SCALE_BY_D, byD.forward(q, k, v, causal));
        for (int wrong = 1; wrong < 4 && ref.numHeads() > 1; wrong++) {
            output.variant(HEADS_TRANSPOSED, withHeads(ref, q, k, v, causal, (wrong & 1) == 0, (wrong & 2) == 0));
        }
        c.diagnoseOutput("output", output);
        ScaledDotProductAttention.Grads d = byD.backward(c.gradOutput("output"));
        c.diagnoseGrad("query", new MistakeDiagnosis().variant(SCALE_BY_D, d.query()));
        c.diagnoseGrad("key", new MistakeDiagnosis().variant(SCALE_BY_D, d.key()));
        c.diagnoseGrad("value", new MistakeDiagnosis().variant(SCALE_BY_D, d.value()));
    }

    /**
     * The reference with its query projection divided by √d: q·kᵀ/d per head is (q/√d)·kᵀ/√d, so
     * it computes what a 1/d score scale computes, as a function of the inputs.
     */
    private static MultiheadAttention scaledQueryBlock(MultiheadAttention ref) {
        int e = ref.embedDim();
        double root = Math.sqrt(e / (double) ref.numHeads());
        MultiheadAttention alt = new MultiheadAttention(e, ref.numHeads(), new Rng(0));
        List<Parameter> from = ref.parameters();
        List<Parameter> to = alt.parameters();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).value().copyFrom(from.get(i).value());
        }
        Tensor w = alt.inProjWeight().value();
        Tensor b = alt.inProjBias().value();
        w.copyFrom(Tensor.cat(List.of(w.slice(0, 0, e).div(root), w.slice(0, e, 3 * e)), 0));
        b.copyFrom(Tensor.cat(List.of(b.slice(0, 0, e).div(root), b.slice(0, e, 3 * e)), 0));
        return alt;
    }

    /**
     * What multi-head attention computes when heads are split ({@code permuteSplit}: reshape to
     * (N, len, heads, d) and swap axes 1 and 2; otherwise a plain reshape to (N, heads, len, d)) and
     * merged ({@code permuteMerge}: swap back, then reshape; otherwise a plain reshape).
     */
    private static Tensor withHeads(MultiheadAttention ref, Tensor q, Tensor k, Tensor v, boolean causal,
            boolean permuteSplit, boolean permuteMerge) {
        int e = ref.embedDim();
        int heads = ref.numHeads();
        int n = q.size(0);
        Tensor w = ref.inProjWeight().value();
        Tensor b = ref.inProjBias().value();
        Tensor[] in = {q, k, v};
        Tensor[] split = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            Tensor p = in[i].matmul(w.slice(0, i * e, (i + 1) * e).t()).add(b.slice(0, i * e, (i + 1) * e));
            int len = in[i].size(1);
            split[i] = permuteSplit ? p.reshape(n, len, heads, e / heads).permute(0, 2, 1, 3)
                    : p.reshape(n, heads, len, e / heads);
        }
        Tensor o = new ScaledDotProductAttention().forward(split[0], split[1], split[2], causal);
        Tensor merged = (permuteMerge ? o.permute(0, 2, 1, 3) : o).reshape(n, q.size(1), e);
        return merged.matmul(ref.outProjWeight().value().t()).add(ref.outProjBias().value());
    }
}
