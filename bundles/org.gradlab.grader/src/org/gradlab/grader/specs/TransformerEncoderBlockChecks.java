package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.check.KinkException;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.LayerNorm;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.MultiheadAttention;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.engine.nn.ScaledDotProductAttention;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.StudentInstance;

/**
 * TransformerEncoderBlock of exercise 12 (post-norm, ReLU, no dropout) against a reference built
 * from the engine's MultiheadAttention, LayerNorm, Linear and ReLU, all parameters random: a
 * non-causal case (with the invariants) and a causal one, N 2, L 3, E 4, 2 heads, feed-forward 8.
 * Mistakes named: dx without the key and value paths, dx without the residual.
 */
final class TransformerEncoderBlockChecks {
    private static final String CLASS = "attention.TransformerEncoderBlock";
    static final String QUERY_PATH_ONLY = "dx misses the attention's key and value gradients: x is query, key and"
            + " value of the self-attention, so dx = residual + dquery + dkey + dvalue";
    static final String NO_RESIDUAL = "dx misses the residual path: x + selfAttn(x) sends the gradient through"
            + " the identity too";
    private static final int N = 2;
    private static final int L = 3;
    private static final int E = 4;
    private static final int HEADS = 2;
    private static final int FF = 8;
    private static final int MAX_REDRAWS = 20;

    private TransformerEncoderBlockChecks() {
    }

    static void run(Grading g) {
        Rng r = g.rng("transformer encoder block");
        judge(g, r, false, true);
        judge(g, r, true, false);
    }

    private static void judge(Grading g, Rng r, boolean causal, boolean invariants) {
        Reference ref = new Reference(r.split());
        ModuleOracle.Module refModule = ref.module(causal);
        for (int attempt = 0;; attempt++) {
            Tensor x = Tensor.randn(r, N, L, E);
            Tensor go = Tensor.randn(r, N, L, E);
            ModuleOracle.Case c = new ModuleOracle.Case((causal ? "causal" : "not causal") + ", x "
                    + AttentionChecks.dims(x)).input("x", x).output("output", go);
            try {
                ModuleOracle.requireSmooth(refModule, c); // a ReLU input at 0: redraw
            } catch (KinkException e) {
                if (attempt < MAX_REDRAWS) {
                    continue;
                }
                throw new IllegalStateException("grader bug: no kink-free input for TransformerEncoderBlock", e);
            }
            ref.forward(x, causal);
            Tensor[] parts = ref.backwardParts(go);
            c.diagnoseGrad("x", new MistakeDiagnosis().variant(QUERY_PATH_ONLY, parts[0].add(parts[1]))
                    .variant(NO_RESIDUAL, parts[1].add(parts[2]).add(parts[3])));
            StudentInstance s = new StudentInstance(g.code(), CLASS, E, HEADS, FF, new Rng(1));
            String name = "TransformerEncoderBlock(" + E + ", heads=" + HEADS + ", ff=" + FF + ")";
            ModuleOracle.judge(g, name, student(s, causal), refModule, c, invariants);
            return;
        }
    }

    private static ModuleOracle.Module student(StudentInstance s, boolean causal) {
        return ModuleOracle.of(in -> new Tensor[] {
            StudentInstance.tensor("TransformerEncoderBlock.forward", s.call("forward", in[0], causal))},
                go -> new Tensor[] {StudentInstance.tensor("TransformerEncoderBlock.backward",
                        s.call("backward", go[0]))}, s::parameters);
    }

    /**
     * The block from engine modules. Its parameters are separate, PyTorch-named copies (the engine
     * names its LayerNorm and Linear parameters just "weight"/"bias"): values are copied in before
     * each forward, gradients copied out after each backward.
     */
    private static final class Reference {
        private final MultiheadAttention attn;
        private final LayerNorm norm1 = new LayerNorm(new int[] {E}, 1e-5);
        private final Linear linear1;
        private final ReLU relu = new ReLU();
        private final Linear linear2;
        private final LayerNorm norm2 = new LayerNorm(new int[] {E}, 1e-5);
        private final List<Parameter> engine = new ArrayList<>();
        private final List<Parameter> named = new ArrayList<>();

        Reference(Rng r) {
            attn = new MultiheadAttention(E, HEADS, r.split());
            linear1 = new Linear(E, FF, r.split());
            linear2 = new Linear(FF, E, r.split());
            engine.addAll(attn.parameters());
            engine.addAll(norm1.parameters());
            engine.addAll(linear1.parameters());
            engine.addAll(linear2.parameters());
            engine.addAll(norm2.parameters());
            String[] names = {"self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight",
                "self_attn.out_proj.bias", "norm1.weight", "norm1.bias", "linear1.weight", "linear1.bias",
                "linear2.weight", "linear2.bias", "norm2.weight", "norm2.bias"};
            for (int i = 0; i < names.length; i++) {
                Tensor v = engine.get(i).value();
                // random biases and norm affine parameters, so each one matters
                Tensor value = names[i].endsWith("weight") && !names[i].startsWith("norm") ? v.copy()
                        : Tensor.randn(r, v.shape()).mul(0.5).add(names[i].startsWith("norm") && names[i]
                                .endsWith("weight") ? 1.0 : 0.0);
                named.add(new Parameter(names[i], value));
            }
        }

        ModuleOracle.Module module(boolean causal) {
            return ModuleOracle.of(in -> new Tensor[] {forward(in[0], causal)},
                    go -> new Tensor[] {sum(backwardParts(go[0]))}, () -> named);
        }

        Tensor forward(Tensor x, boolean causal) {
            for (int i = 0; i < engine.size(); i++) {
                engine.get(i).value().copyFrom(named.get(i).value());
            }
            Tensor x1 = norm1.forward(x.add(attn.forward(x, x, x, causal)));
            return norm2.forward(x1.add(linear2.forward(relu.forward(linear1.forward(x1)))));
        }

        /** {residual, dquery, dkey, dvalue}: the four paths by which x reaches the output. */
        Tensor[] backwardParts(Tensor go) {
            engine.forEach(Parameter::zeroGrad);
            Tensor dSum2 = norm2.backward(go);
            Tensor dx1 = dSum2.add(linear1.backward(relu.backward(linear2.backward(dSum2))));
            Tensor dSum1 = norm1.backward(dx1);
            ScaledDotProductAttention.Grads d = attn.backward(dSum1);
            for (int i = 0; i < engine.size(); i++) {
                named.get(i).zeroGrad(); // the gradient of this one pass
                named.get(i).accumulateGrad(engine.get(i).grad());
            }
            return new Tensor[] {dSum1, d.query(), d.key(), d.value()};
        }

        private static Tensor sum(Tensor[] parts) {
            return parts[0].add(parts[1]).add(parts[2]).add(parts[3]);
        }
    }
}
