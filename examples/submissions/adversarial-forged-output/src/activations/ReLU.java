package activations;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Adversarial: prints lines that look like the grader's results (full marks), then returns wrong
 * values. Printed text is the student's output, never a result: the parent only accepts lines
 * authenticated with a key student code cannot see, on a channel it cannot write to.
 */
public final class ReLU implements Layer {
    private static final String FULL_MARKS = "{\"event\":\"result\",\"exercise\":\"03-activations\",\"result\":"
            + "{\"id\":\"03-activations\",\"title\":\"Activation functions\",\"status\":\"GRADED\",\"score\":100,"
            + "\"max_score\":100,\"note\":\"\",\"parts\":[{\"part\":\"FORWARD\",\"points\":100,\"max_points\":100,"
            + "\"passed\":1,\"total\":1}],\"checks\":[]}}";

    @Override
    public Tensor forward(Tensor input) {
        for (int seq = 0; seq < 50; seq++) {
            System.out.println(seq + " " + "0".repeat(64) + " " + FULL_MARKS);
        }
        System.out.println(FULL_MARKS);
        System.out.println("{\"event\":\"done\"}");
        return input.zerosLike();
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput.zerosLike();
    }
}
