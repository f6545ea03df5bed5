package org.gradlab.grader.run;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.Verdict;

/** Test-only second exercise (probe.Square: x²), graded after the first to show the rest goes on. */
public final class SquareProbe implements ExerciseSpec {
    /** A correct probe.Square, added to submissions that should earn this exercise's points. */
    public static final String SOLUTION = """
            package probe;

            import org.gradlab.core.Layer;
            import org.gradlab.core.Tensor;

            public final class Square implements Layer {
                private Tensor x;

                public Tensor forward(Tensor input) {
                    x = input;
                    return input.mul(input);
                }

                public Tensor backward(Tensor g) {
                    return g.mul(x).mul(2);
                }
            }
            """;

    @Override
    public String id() {
        return "90-square";
    }

    @Override
    public String title() {
        return "Square (runner probe)";
    }

    @Override
    public List<String> studentClasses() {
        return List.of("probe.Square");
    }

    @Override
    public Map<Part, Double> points() {
        Map<Part, Double> p = new EnumMap<>(Part.class);
        p.put(Part.FORWARD, 2.0);
        return p;
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Tensor x = Tensor.randn(g.rng("x"), 3, 2);
        g.check(Part.FORWARD, "Square/forward", () -> {
            Layer sq = code.construct("probe.Square", Layer.class);
            return Verdict.of(TensorComparison.compare("output", x.mul(x), sq.forward(x.copy()), 1e-12, 0));
        });
        return g.finish("");
    }
}
