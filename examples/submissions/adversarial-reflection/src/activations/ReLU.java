package activations;

import java.lang.reflect.Field;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: digs into the grader with reflection (the channel key, the scores). Refused by the bytecode policy. */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        try {
            Class<?> child = Class.forName("org.gradlab.grader.run.GradingChild");
            for (Field f : child.getDeclaredFields()) {
                f.setAccessible(true);
                System.out.println(f.getName() + " = " + f.get(null));
            }
        } catch (ReflectiveOperationException e) {
            System.out.println("no luck: " + e);
        }
        return input.maximum(0);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
