package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.check.GradientCheck;
import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

/** RNNCell and the sequence module RNN (backpropagation through time). */
class RNNTest {
    @Test
    void cellGradientsForInputHiddenAndAllParameters() {
        Rng rng = new Rng(1);
        RNNCell cell = new RNNCell(3, 4, rng);
        MultiInputTesting.assertGradients(List.of("input", "hx"),
                List.of(Tensor.randn(rng, 2, 3), Tensor.randn(rng, 2, 4).mul(0.5)), cell.parameters(),
                in -> cell.forward(in.get(0), in.get(1)),
                g -> {
                    RNNCell.Grads d = cell.backward(g);
                    return List.of(d.input(), d.hx());
                }, rng);
    }

    @Test
    void cellForwardIsTanhOfBothAffineMaps() {
        Rng rng = new Rng(2);
        RNNCell cell = new RNNCell(3, 2, rng);
        Tensor x = Tensor.randn(rng, 4, 3);
        Tensor h = Tensor.randn(rng, 4, 2);
        Tensor expected = x.matmul(cell.weightIh().value().t()).add(cell.biasIh().value())
                .add(h.matmul(cell.weightHh().value().t())).add(cell.biasHh().value()).map(Math::tanh);
        TensorComparison.compare("h'", expected, cell.forward(x, h), 1e-14, 1e-15).orThrow();
        // no hidden state means zeros
        Tensor zeroState = x.matmul(cell.weightIh().value().t()).add(cell.biasIh().value()).add(cell.biasHh().value())
                .map(Math::tanh);
        TensorComparison.compare("h' from zeros", zeroState, cell.forward(x, null), 1e-14, 1e-15).orThrow();
    }

    @Test
    void initAndParameterNamesFollowPyTorch() {
        RNNCell cell = new RNNCell(3, 4, new Rng(3));
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                cell.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {4, 3}, cell.weightIh().value().shape());
        assertArrayEquals(new int[] {4, 4}, cell.weightHh().value().shape());
        assertArrayEquals(new int[] {4}, cell.biasHh().value().shape());
        for (Parameter p : cell.parameters()) {
            assertTrue(p.value().abs().maxAll() <= 0.5, p.name() + " within 1/√H = 0.5");
            assertTrue(p.value().abs().maxAll() > 0.1, p.name() + " is random, not zero");
        }
        RNN rnn = new RNN(3, 4, new Rng(3));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"),
                rnn.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(cell.weightHh().value().toArray(), rnn.weightHh().value().toArray(), "same seed, same init");
    }

    /** BPTT over T = 4: the checked output is all hidden states with the final state appended, (T+1, N, H). */
    @Test
    void bpttMatchesCentralDifferencesForInputHxAndEveryParameter() {
        Rng rng = new Rng(4);
        RNN rnn = new RNN(3, 4, rng);
        int t = 4;
        MultiInputTesting.assertGradients(List.of("input", "hx"),
                List.of(Tensor.randn(rng, t, 2, 3), Tensor.randn(rng, 2, 4).mul(0.5)), rnn.parameters(),
                in -> {
                    RNN.Result r = rnn.forward(in.get(0), in.get(1));
                    return Tensor.cat(List.of(r.output(), r.hN().unsqueeze(0)), 0);
                },
                g -> {
                    RNNCell.Grads d = rnn.backward(g.slice(0, 0, t), g.select(0, t));
                    return List.of(d.input(), d.hx());
                }, rng);
    }

    @Test
    void sequenceEqualsCellLoopAndReturnsLastState() {
        Rng rng = new Rng(5);
        RNN rnn = new RNN(2, 3, new Rng(6));
        RNNCell cell = new RNNCell(2, 3, new Rng(6));
        Tensor x = Tensor.randn(rng, 5, 2, 2);
        Tensor h = Tensor.randn(rng, 2, 3);
        RNN.Result r = rnn.forward(x, h);
        List<Tensor> hs = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            h = cell.forward(x.select(0, s), h);
            hs.add(h);
        }
        assertArrayEquals(Tensor.stack(hs, 0).toArray(), r.output().toArray(), 1e-15);
        assertArrayEquals(h.toArray(), r.hN().toArray(), 1e-15);
        assertArrayEquals(new int[] {2, 3}, r.hN().shape(), "hN takes the shape of hx");
    }

    @Test
    void asLayerStartsFromZerosAndChecksGradients() {
        Rng rng = new Rng(7);
        RNN rnn = new RNN(2, 3, rng);
        Tensor x = Tensor.randn(rng, 4, 2, 2);
        Tensor y = rnn.forward(x);
        RNN.Result r = rnn.forward(x, Tensor.zeros(1, 2, 3));
        assertArrayEquals(r.output().toArray(), y.toArray());
        assertArrayEquals(new int[] {1, 2, 3}, r.hN().shape());
        GradientCheck.assertAllPassed(GradientCheck.layer(rnn, x, Tensor.randn(rng, 4, 2, 3)));
        // PyTorch-shaped (1, N, H) state gets a gradient of the same shape
        rnn.forward(x, Tensor.randn(rng, 1, 2, 3));
        assertArrayEquals(new int[] {1, 2, 3}, rnn.backward(Tensor.ones(4, 2, 3), null).hx().shape());
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(8);
        RNN r64 = new RNN(3, 4, new Rng(9));
        RNN r32 = new RNN(DType.FLOAT32, 3, 4, new Rng(9));
        MultiInputTesting.shareWeights(r32.parameters(), r64.parameters());
        Tensor x = Tensor.randn(rng, 4, 2, 3);
        Tensor h = Tensor.randn(rng, 2, 4);
        RNN.Result o64 = r64.forward(x, h);
        RNN.Result o32 = r32.forward(x.to(DType.FLOAT32), h.to(DType.FLOAT32));
        MultiInputTesting.assertFloat32Close("output", o64.output(), o32.output());
        Tensor g = Tensor.randn(rng, 4, 2, 4);
        RNNCell.Grads d64 = r64.backward(g, null);
        RNNCell.Grads d32 = r32.backward(g.to(DType.FLOAT32), null);
        MultiInputTesting.assertFloat32Close("grad input", d64.input(), d32.input());
        MultiInputTesting.assertFloat32Close("grad hx", d64.hx(), d32.hx());
        MultiInputTesting.assertParamGradsClose(r64.parameters(), r32.parameters());
    }

    @Test
    void errorsNameTheModuleAndShapes() {
        RNNCell cell = new RNNCell(3, 4, new Rng(1));
        Exception e = assertThrows(IllegalArgumentException.class, () -> cell.forward(Tensor.zeros(2, 5), null));
        assertEquals("RNNCell: input expected shape (N, 3) (input_size 3), got shape [2, 5]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cell.forward(Tensor.zeros(2, 3), Tensor.zeros(3, 4)));
        assertEquals("RNNCell: hx expected shape [2, 4] (batch N, hidden_size H) (shapes [3, 4])", e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> cell.backward(Tensor.zeros(2, 4)));
        assertEquals("RNNCell: backward called before forward", s.getMessage());
        RNN rnn = new RNN(3, 4, new Rng(1));
        e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(Tensor.zeros(2, 3)));
        assertEquals("RNN: input expected shape (T, N, 3) (sequence length, batch, input_size 3), got shape [2, 3]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rnn.forward(Tensor.zeros(5, 2, 3), Tensor.zeros(2, 2, 4)));
        assertTrue(e.getMessage().startsWith("RNN: hx expected shape [2, 4] or [1, 2, 4]"), e.getMessage());
        s = assertThrows(IllegalStateException.class, () -> rnn.backward(Tensor.zeros(5, 2, 4)));
        assertEquals("RNN: backward called before forward", s.getMessage());
        rnn.forward(Tensor.zeros(5, 2, 3));
        e = assertThrows(IllegalArgumentException.class, () -> rnn.backward(Tensor.zeros(4, 2, 4)));
        assertTrue(e.getMessage().startsWith("RNN: grad_output shape differs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RNNCell(0, 4, new Rng(1)));
    }
}
