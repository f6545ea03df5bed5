package org.gradlab.engine.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gradlab.core.Tensor;

/**
 * A snapshot of an optimizer's state for one parameter: how many steps it has taken and its
 * buffers under PyTorch's names, in the order the update computes them:
 * <ul>
 * <li>SGD: {@code momentum_buffer} (the velocity; only with momentum)</li>
 * <li>RMSprop: {@code square_avg} (the RMS cache), {@code grad_avg} (centered only),
 *     {@code momentum_buffer} (momentum only)</li>
 * <li>Adagrad: {@code sum} (the accumulated squared gradients)</li>
 * <li>Adam, AdamW: {@code exp_avg} (m), {@code exp_avg_sq} (v); {@link #step()} is t</li>
 * </ul>
 * The tensors are copies: changing them does not change the optimizer.
 */
public record ParamState(int step, Map<String, Tensor> buffers) {
    public ParamState {
        buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
    }

    /** The named buffer; throws, listing the buffers there are, when it does not exist. */
    public Tensor buffer(String name) {
        Tensor t = buffers.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no optimizer state '" + name + "' after " + step
                    + " step(s); there is " + (buffers.isEmpty() ? "none" : buffers.keySet()));
        }
        return t;
    }
}
