package org.gradlab.grader.specs;

import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;

/**
 * Exercise 12: scaled dot-product attention (3-d and 4-d, causal and not, L ≠ S, scores of ±1000,
 * the causal mask judged on the student's own forward), multi-head attention (cross- and
 * self-attention, its four parameters), layer normalization and a post-norm Transformer encoder
 * block built from them, all against the reference
 * engine with {@link org.gradlab.grader.spec.ModuleOracle}'s three oracles per gradient.
 */
public final class AttentionExercise implements ExerciseSpec {
    @Override
    public String id() {
        return "12-attention";
    }

    @Override
    public String title() {
        return "Attention: scaled dot-product, multi-head, layer normalization";
    }

    @Override
    public List<String> studentClasses() {
        return List.of("attention.ScaledDotProductAttention", "attention.MultiheadAttention", "attention.LayerNorm",
                "attention.TransformerEncoderBlock");
    }

    @Override
    public Map<Part, Double> points() {
        return Part.points(Map.of(Part.FORWARD, 3.0, Part.INPUT_GRADIENT, 3.0, Part.PARAMETER_GRADIENTS, 1.5,
                Part.EDGE_CASES, 1.5, Part.STATEFUL_INVARIANTS, 1.0));
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        AttentionChecks.run(g);
        MultiheadAttentionChecks.run(g);
        LayerNormChecks.run(g);
        TransformerEncoderBlockChecks.run(g);
        return g.finish("");
    }
}
