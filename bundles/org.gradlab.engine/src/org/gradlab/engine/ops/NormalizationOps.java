package org.gradlab.engine.ops;

import static org.gradlab.engine.ops.OpSupport.givenOnly;
import static org.gradlab.engine.ops.OpSupport.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.BatchNorm;
import org.gradlab.engine.nn.LayerNorm;

/** Registers batch_norm and layer_norm: each builds the engine layer, loads the given tensors and runs it once. */
final class NormalizationOps {
    private NormalizationOps() {
    }

    static void register(OpRegistry r) {
        // F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)
        r.tensor("batch_norm", (attrs, in, g) -> {
            Tensor input = in.get("input");
            if (input.dim() < 2) {
                throw new IllegalArgumentException("batch_norm: input expected at least 2 dimensions (N, C, ...), "
                        + "got shape " + Arrays.toString(input.shape()));
            }
            boolean training = attrs.bool("training", false);
            BatchNorm layer = new BatchNorm(input.dtype(), input.size(1), attrs.real("eps", 1e-5),
                    attrs.real("momentum", 0.1));
            Tensor weight = in.optional("weight");
            Tensor bias = in.optional("bias");
            Tensor runningMean = in.optional("running_mean");
            Tensor runningVar = in.optional("running_var");
            if (!training && (runningMean == null || runningVar == null)) {
                throw new IllegalArgumentException("batch_norm: running_mean and running_var are required when "
                        + "training is false");
            }
            load("batch_norm", "weight", layer.weight().value(), weight);
            load("batch_norm", "bias", layer.bias().value(), bias);
            load("batch_norm", "running_mean", layer.runningMean(), runningMean);
            load("batch_norm", "running_var", layer.runningVar(), runningVar);
            layer.setTraining(training);
            OpResult run = OpSupport.run(layer, input, g);
            // The running statistics are returned as state: updated in training, unchanged in evaluation.
            Map<String, Tensor> state = new LinkedHashMap<>();
            if (runningMean != null) {
                state.put("running_mean", layer.runningMean());
            }
            if (runningVar != null) {
                state.put("running_var", layer.runningVar());
            }
            return new OpResult(run.output(), givenOnly(run.grads(), in, "weight", "bias"), state);
        });
        // F.layer_norm(input, normalized_shape, weight, bias, eps)
        r.tensor("layer_norm", (attrs, in, g) -> {
            Tensor input = in.get("input");
            int[] normalizedShape = attrs.ints("normalized_shape", null);
            if (normalizedShape == null) {
                throw new IllegalArgumentException("layer_norm: attribute 'normalized_shape' is required");
            }
            LayerNorm layer = new LayerNorm(input.dtype(), normalizedShape, attrs.real("eps", 1e-5));
            Tensor weight = in.optional("weight");
            Tensor bias = in.optional("bias");
            load("layer_norm", "weight", layer.weight().value(), weight);
            load("layer_norm", "bias", layer.bias().value(), bias);
            OpResult run = OpSupport.run(layer, input, g);
            return new OpResult(run.output(), givenOnly(run.grads(), in, "weight", "bias"));
        });
    }
}
