package org.gradlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.LSTM;
import org.gradlab.engine.nn.LSTMCell;
import org.gradlab.engine.nn.RNN;
import org.junit.jupiter.api.Test;

/** The recurrent ops against the engine modules they wrap: naming of inputs, the lstm_cell output layout. */
class RecurrentOpsTest {
    private static OpResult run(String op, Map<String, Tensor> inputs, Tensor g) {
        return OpTesting.run(op, Map.of(), inputs, g);
    }

    private static Map<String, Tensor> weights(List<Parameter> ps) {
        Map<String, Tensor> m = new HashMap<>();
        String[] names = {"w_ih", "w_hh", "b_ih", "b_hh"};
        for (int i = 0; i < 4; i++) {
            m.put(names[i], ps.get(i).value().copy());
        }
        return m;
    }

    @Test
    void lstmCellOutputIsCatOfHAndCAndGradOutputIsSplit() {
        Rng rng = new Rng(1);
        LSTMCell cell = new LSTMCell(3, 2, rng);
        Tensor x = Tensor.randn(rng, 2, 3);
        Tensor h = Tensor.randn(rng, 2, 2);
        Tensor c = Tensor.randn(rng, 2, 2);
        Tensor gh = Tensor.randn(rng, 2, 2);
        Tensor gc = Tensor.randn(rng, 2, 2);
        LSTMCell.State s = cell.forward(x, h, c);
        LSTMCell.Grads d = cell.backward(gh, gc);
        Map<String, Tensor> in = weights(cell.parameters());
        in.putAll(Map.of("input", x, "hx", h, "cx", c));
        OpResult r = run("lstm_cell", in, Tensor.cat(List.of(gh, gc), 1));
        assertArrayEquals(Tensor.cat(List.of(s.h(), s.c()), 1).toArray(), r.output().toArray());
        assertArrayEquals(d.cx().toArray(), r.grads().get("cx").toArray());
        assertArrayEquals(d.hx().toArray(), r.grads().get("hx").toArray());
        assertArrayEquals(cell.weightHh().grad().toArray(), r.grads().get("w_hh").toArray());
        assertEquals(7, r.grads().size());
        Exception e = assertThrows(IllegalArgumentException.class, () -> run("lstm_cell", in, Tensor.zeros(2, 2)));
        assertEquals("lstm_cell: grad_output expected shape (N, 2H) = cat(h', c') with H = 2 (shapes [2, 2])",
                e.getMessage());
    }

    @Test
    void sequenceOpsMatchModulesAndOmitMissingStates() {
        Rng rng = new Rng(2);
        RNN rnn = new RNN(2, 3, rng);
        Tensor x = Tensor.randn(rng, 4, 2, 2);
        Tensor g = Tensor.randn(rng, 4, 2, 3);
        Tensor y = rnn.forward(x);
        Tensor dx = rnn.backward(g);
        Map<String, Tensor> in = weights(rnn.parameters());
        in.put("input", x);
        OpResult r = run("rnn_tanh", in, g); // no hx: zeros, and no gradient reported for it
        assertArrayEquals(y.toArray(), r.output().toArray());
        assertArrayEquals(dx.toArray(), r.grads().get("input").toArray());
        assertEquals(5, r.grads().size());

        LSTM lstm = new LSTM(2, 3, rng);
        Tensor h = Tensor.randn(rng, 2, 3);
        Tensor c = Tensor.randn(rng, 2, 3);
        LSTM.Result res = lstm.forward(x, h, c);
        LSTMCell.Grads d = lstm.backward(g, null, null);
        Map<String, Tensor> lin = weights(lstm.parameters());
        lin.putAll(Map.of("input", x, "hx", h, "cx", c));
        OpResult lr = run("lstm", lin, g);
        assertArrayEquals(res.output().toArray(), lr.output().toArray());
        assertArrayEquals(d.cx().toArray(), lr.grads().get("cx").toArray());
        assertArrayEquals(lstm.biasIh().grad().toArray(), lr.grads().get("b_ih").toArray());
    }

    @Test
    void wrongWeightShapeNamesOpAndInput() {
        Map<String, Tensor> in = new HashMap<>(Map.of("input", Tensor.zeros(2, 3), "hx", Tensor.zeros(2, 4),
                "w_ih", Tensor.zeros(4, 3), "w_hh", Tensor.zeros(4, 4), "b_ih", Tensor.zeros(4), "b_hh", Tensor.zeros(5)));
        Exception e = assertThrows(IllegalArgumentException.class, () -> run("rnn_tanh_cell", in, Tensor.zeros(2, 4)));
        assertEquals("rnn_tanh_cell: input 'b_hh' expected shape [4] (shapes [5])", e.getMessage());
    }
}
