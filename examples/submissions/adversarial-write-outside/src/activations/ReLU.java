package activations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: writes outside its scratch folder. Refused by the bytecode policy (java.nio.file). */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        try {
            Files.writeString(Path.of("/tmp/gradlab-pwned.txt"), "written by a submission");
            Files.writeString(Path.of("../../grades.csv"), "me,100\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return input.maximum(0);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
