package org.gradlab.grader.run;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.Verdict;

/**
 * Test-only stand-in for the 03-activations spec (same id and class name, activations.ReLU), so
 * the runner's tests do not depend on the real spec: three seeded cases, each with a fresh ReLU,
 * checking forward and the input gradient.
 */
public final class ActivationsProbe implements ExerciseSpec {
    @Override
    public String id() {
        return "03-activations";
    }

    @Override
    public String title() {
        return "Activation functions (runner probe)";
    }

    @Override
    public List<String> studentClasses() {
        return List.of("activations.ReLU");
    }

    @Override
    public Map<Part, Double> points() {
        Map<Part, Double> p = new EnumMap<>(Part.class);
        p.put(Part.FORWARD, 3.0);
        p.put(Part.INPUT_GRADIENT, 3.0);
        return p;
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        Rng rng = g.rng("cases");
        for (int i = 0; i < 3; i++) {
            int n = 1 + rng.nextInt(6);
            Tensor x = Tensor.randn(rng, 2, n);
            Tensor go = Tensor.randn(rng, 2, n);
            g.check(Part.FORWARD, "ReLU/forward case " + i + " shape [2, " + n + "]", () -> {
                Layer relu = code.construct("activations.ReLU", Layer.class);
                return Verdict.of(TensorComparison.compare("output", x.maximum(0), relu.forward(x.copy()), 1e-12, 0));
            });
            g.check(Part.INPUT_GRADIENT, "ReLU/backward case " + i, () -> {
                Layer relu = code.construct("activations.ReLU", Layer.class);
                relu.forward(x.copy());
                return Verdict.of(TensorComparison.compare("grad input", go.mul(x.gt(0)), relu.backward(go.copy()),
                        1e-12, 0));
            });
        }
        return g.finish("");
    }
}
