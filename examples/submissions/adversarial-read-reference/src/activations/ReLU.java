package activations;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/**
 * Adversarial: reads the reference engine's sources and looks around for other submissions.
 * Refused by the bytecode policy (java.io file classes); the sandbox would not show those files anyway.
 */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        File reference = new File("../../bundles/org.gradlab.engine/src/org/gradlab/engine/nn/ReLU.java");
        try (BufferedReader r = new BufferedReader(new FileReader(reference))) {
            System.out.println(r.readLine());
        } catch (IOException e) {
            System.out.println("no luck: " + e);
        }
        String[] others = new File("..").list();
        System.out.println(others == null ? "no other submissions" : String.join(", ", others));
        return input.maximum(0);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
