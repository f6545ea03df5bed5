package activations;

import java.io.IOException;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: starts processes (a shell, a fork bomb's first step). Refused by the bytecode policy. */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        try {
            new ProcessBuilder("sh", "-c", "cat /etc/passwd; sleep 1000 &").inheritIO().start();
            Runtime.getRuntime().exec(new String[] {"id"});
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
