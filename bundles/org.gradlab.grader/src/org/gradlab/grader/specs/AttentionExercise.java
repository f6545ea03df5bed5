package org.gradlab.grader.specs;

import java.util.Collections;
import java.util.EnumMap;
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
    private static final Map<Part, Double> POINTS = pointTable();

    private static Map<Part, Double> pointTable() {
        Map<Part, Double> p = new EnumMap<>(Part.class);
        p.put(Part.FORWARD, 3.0);
        p.put(Part.INPUT_GRADIENT, 3.0);
        p.put(Part.PARAMETER_GRADIENTS, 1.5);
        p.put(Part.EDGE_CASES, 1.5);
        p.put(Part.STATEFUL_INVARIANTS, 1.0);
        return Collections.unmodifiableMap(p);
    }

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
        return POINTS;
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
