package org.gradlab.engine.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.LSTM;
import org.gradlab.engine.nn.LSTMCell;
import org.gradlab.engine.nn.RNN;
import org.gradlab.engine.nn.RNNCell;

/**
 * Registers rnn_tanh_cell, lstm_cell and the single-layer sequence ops rnn_tanh and lstm
 * (input (T, N, I), hx / cx (N, H), output all hidden states (T, N, H)). The weights come in as
 * inputs w_ih, w_hh, b_ih, b_hh and are loaded into the engine's cell or module.
 */
final class RecurrentOps {
    /** Op input names of the four weights, in the order the engine lists its parameters. */
    private static final List<String> WEIGHTS = List.of("w_ih", "w_hh", "b_ih", "b_hh");

    private RecurrentOps() {
    }

    static void register(OpRegistry r) {
        r.tensor("rnn_tanh_cell", (attrs, in, g) -> {
            Tensor input = in.get("input", 2);
            Tensor wih = in.get("w_ih", 2);
            RNNCell cell = new RNNCell(input.dtype(), wih.size(1), wih.size(0), new Rng(0));
            OpSupport.loadAll("rnn_tanh_cell", WEIGHTS, cell.parameters(), in);
            Tensor output = cell.forward(input, in.optional("hx"));
            RNNCell.Grads d = cell.backward(g);
            return result(in, output, d.input(), d.hx(), null, cell.parameters());
        });
        // Output cat(h', c') along dim 1, so one grad_output carries both gradients.
        r.tensor("lstm_cell", (attrs, in, g) -> {
            Tensor input = in.get("input", 2);
            Tensor wih = in.get("w_ih", 2);
            int hidden = wih.size(0) / 4;
            LSTMCell cell = new LSTMCell(input.dtype(), wih.size(1), hidden, new Rng(0));
            OpSupport.loadAll("lstm_cell", WEIGHTS, cell.parameters(), in);
            LSTMCell.State s = cell.forward(input, in.optional("hx"), in.optional("cx"));
            if (g.dim() != 2 || g.size(1) != 2 * hidden) {
                throw ShapeMismatchException.of("lstm_cell", "grad_output expected shape (N, 2H) = cat(h', c') with H = "
                        + hidden, g.shape());
            }
            LSTMCell.Grads d = cell.backward(g.slice(1, 0, hidden), g.slice(1, hidden, 2 * hidden));
            return result(in, Tensor.cat(List.of(s.h(), s.c()), 1), d.input(), d.hx(), d.cx(), cell.parameters());
        });
        r.tensor("rnn_tanh", (attrs, in, g) -> {
            Tensor input = in.get("input", 3);
            Tensor wih = in.get("w_ih", 2);
            RNN rnn = new RNN(input.dtype(), wih.size(1), wih.size(0), new Rng(0));
            OpSupport.loadAll("rnn_tanh", WEIGHTS, rnn.parameters(), in);
            Tensor output = rnn.forward(input, in.optional("hx")).output();
            RNNCell.Grads d = rnn.backward(g, null);
            return result(in, output, d.input(), d.hx(), null, rnn.parameters());
        });
        r.tensor("lstm", (attrs, in, g) -> {
            Tensor input = in.get("input", 3);
            Tensor wih = in.get("w_ih", 2);
            LSTM lstm = new LSTM(input.dtype(), wih.size(1), wih.size(0) / 4, new Rng(0));
            OpSupport.loadAll("lstm", WEIGHTS, lstm.parameters(), in);
            Tensor output = lstm.forward(input, in.optional("hx"), in.optional("cx")).output();
            LSTMCell.Grads d = lstm.backward(g, null, null);
            return result(in, output, d.input(), d.hx(), d.cx(), lstm.parameters());
        });
    }

    /** Grads by op input name; hx / cx only when the op had that input (it defaults to zeros). */
    private static OpResult result(Inputs in, Tensor output, Tensor dInput, Tensor dHx, Tensor dCx,
            List<Parameter> params) {
        Map<String, Tensor> grads = new LinkedHashMap<>();
        grads.put("input", dInput);
        grads.put("hx", dHx);
        if (dCx != null) {
            grads.put("cx", dCx);
        }
        OpSupport.putGrads(grads, WEIGHTS, params);
        return new OpResult(output, OpSupport.givenOnly(grads, in, "hx", "cx"));
    }
}
