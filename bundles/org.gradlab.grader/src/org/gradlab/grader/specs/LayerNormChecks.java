package org.gradlab.grader.specs;

import java.util.Arrays;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.LayerNorm;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.LayerOracle;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentInstance;

/**
 * LayerNorm of exercise 12 against the reference, with random weight and bias: normalized over
 * the last axis and over the last two, and (edge case) a single sample whose whole shape is
 * normalized, so there are no leading axes to sum the parameter gradients over. Judged as a
 * one-input module (for the per-output diagnosis and the edge-case part).
 */
final class LayerNormChecks {
    private static final String CLASS = "attention.LayerNorm";
    private static final double[] EPSILONS = {1e-5, 1e-3};
    static final String NO_MEAN_TERMS = "layer norm backward missing the mean terms: the mean and variance depend"
            + " on x too (dx = weight·g/σ is only the first of three terms)";

    private final Grading g;
    private final Rng r;
    private final double eps;

    private LayerNormChecks(Grading g) {
        this.g = g;
        this.r = g.rng("layer norm");
        this.eps = EPSILONS[r.nextInt(EPSILONS.length)];
    }

    static void run(Grading g) {
        LayerNormChecks c = new LayerNormChecks(g);
        int t = 2 + c.r.nextInt(3);
        int d = 3 + c.r.nextInt(4);
        c.judge("over the last axis", new int[] {2 + c.r.nextInt(2), t, d}, new int[] {d}, null, true);
        t = 2 + c.r.nextInt(3);
        d = 2 + c.r.nextInt(3);
        c.judge("over the last two axes", new int[] {2 + c.r.nextInt(2), t, d}, new int[] {t, d}, null, false);
        t = 2 + c.r.nextInt(2);
        d = 2 + c.r.nextInt(3);
        c.judge("one sample, its whole shape normalized", new int[] {t, d}, new int[] {t, d}, Part.EDGE_CASES, false);
    }

    private void judge(String label, int[] shape, int[] normalized, Part part, boolean invariants) {
        LayerNorm ref = new LayerNorm(normalized, eps);
        ref.weight().value().copyFrom(Tensor.uniform(r, 0.5, 1.5, normalized));
        ref.bias().value().copyFrom(Tensor.randn(r, normalized).mul(0.5));
        Tensor x = Tensor.randn(r, shape).mul(1.5).add(r.uniform(-1, 1));
        Tensor go = Tensor.randn(r, shape);
        ModuleOracle.Case c = new ModuleOracle.Case(label + " " + Arrays.toString(shape)).input("input", x)
                .output("output", go);
        diagnoses(c, ref, normalized.length);
        if (part != null) {
            c.part(part);
        }
        StudentInstance s = new StudentInstance(g.code(), CLASS, normalized.clone(), eps);
        String name = "LayerNorm(" + Arrays.toString(normalized) + ", eps=" + eps + ")";
        ModuleOracle.judge(g, name, LayerOracle.module(s.layer()), LayerOracle.module(ref), c, invariants);
    }

    /** Known mistakes as what they give for this case: unbiased variance, backward without its mean terms. */
    private void diagnoses(ModuleOracle.Case c, LayerNorm ref, int k) {
        Tensor x = c.input("input");
        Tensor go = c.gradOutput("output");
        int[] axes = new int[k];
        for (int i = 0; i < k; i++) {
            axes[i] = x.dim() - k + i;
        }
        Tensor w = ref.weight().value();
        int n = x.numel() / w.numel();
        int per = w.numel();
        Tensor centred = x.sub(x.mean(axes, true));
        Tensor var = centred.square().mean(axes, true);
        Tensor sigma = var.add(eps).sqrt();
        Tensor xhat = centred.div(sigma);
        Tensor unbiased = centred.div(var.mul(per / (per - 1.0)).add(eps).sqrt()).mul(w).add(ref.bias().value());
        c.diagnoseOutput("output", new MistakeDiagnosis().variant("unbiased variance (÷(n−1)): layer norm normalizes"
                + " with the biased variance, the mean of (x − μ)²", unbiased));
        Tensor dxhat = go.mul(w);
        c.diagnoseGrad("input", new MistakeDiagnosis().variant(NO_MEAN_TERMS, dxhat.div(sigma))
                .variant("layer norm backward missing the variance term (−x̂·mean(dx̂·x̂))",
                        dxhat.sub(dxhat.mean(axes, true)).div(sigma))
                .variant("layer norm backward missing the mean term (−mean(dx̂))",
                        dxhat.sub(xhat.mul(dxhat.mul(xhat).mean(axes, true))).div(sigma)));
        if (n > 1) {
            MistakeDiagnosis rows = new MistakeDiagnosis().factor("the number of normalized samples", n);
            c.diagnoseParameter("weight", rows).diagnoseParameter("bias", rows);
        }
    }
}
