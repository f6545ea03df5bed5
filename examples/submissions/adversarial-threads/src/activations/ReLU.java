package activations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gradlab.core.Layer;
import org.gradlab.core.Tensor;

/** Adversarial: leaves busy threads behind to slow down or outlive grading. Refused by the bytecode policy. */
public final class ReLU implements Layer {
    @Override
    public Tensor forward(Tensor input) {
        Thread spinner = new Thread(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        spinner.start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        pool.submit(() -> System.out.println("still here"));
        return input.maximum(0);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return gradOutput;
    }
}
