package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.check.GradientCheck;
import org.gradlab.core.DType;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

/** LSTMCell and the sequence module LSTM (backpropagation through time). */
class LSTMTest {
    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void cellGradientsForInputStateAndAllParameters() {
        Rng rng = new Rng(1);
        LSTMCell cell = new LSTMCell(3, 4, rng);
        // output cat(h', c'), so the check covers both upstream gradients
        MultiInputTesting.assertGradients(List.of("input", "hx", "cx"),
                List.of(Tensor.randn(rng, 2, 3), Tensor.randn(rng, 2, 4).mul(0.5), Tensor.randn(rng, 2, 4)),
                cell.parameters(),
                in -> {
                    LSTMCell.State s = cell.forward(in.get(0), in.get(1), in.get(2));
                    return Tensor.cat(List.of(s.h(), s.c()), 1);
                },
                g -> {
                    LSTMCell.Grads d = cell.backward(g.slice(1, 0, 4), g.slice(1, 4, 8));
                    return List.of(d.input(), d.hx(), d.cx());
                }, rng);
    }

    @Test
    void gatesAreInPyTorchOrderIFGO() {
        LSTMCell cell = new LSTMCell(1, 1, new Rng(2));
        cell.weightIh().value().fill(0);
        cell.weightHh().value().fill(0);
        cell.biasHh().value().fill(0);
        double bi = 0.3;
        double bf = -1.2;
        double bg = 0.7;
        double bo = 2.0;
        cell.biasIh().value().copyFrom(Tensor.vector(bi, bf, bg, bo));
        double c = 1.5;
        LSTMCell.State s = cell.forward(Tensor.zeros(1, 1), Tensor.zeros(1, 1), Tensor.full(DType.FLOAT64, c, 1, 1));
        double cNext = sigmoid(bf) * c + sigmoid(bi) * Math.tanh(bg);
        assertEquals(cNext, s.c().item(), 1e-15);
        assertEquals(sigmoid(bo) * Math.tanh(cNext), s.h().item(), 1e-15);
    }

    @Test
    void cellForwardMatchesTensorFormula() {
        Rng rng = new Rng(3);
        LSTMCell cell = new LSTMCell(3, 2, rng);
        Tensor x = Tensor.randn(rng, 4, 3);
        Tensor h = Tensor.randn(rng, 4, 2);
        Tensor c = Tensor.randn(rng, 4, 2);
        Tensor gates = x.matmul(cell.weightIh().value().t()).add(cell.biasIh().value())
                .add(h.matmul(cell.weightHh().value().t())).add(cell.biasHh().value());
        Tensor i = gates.slice(1, 0, 2).map(LSTMTest::sigmoid);
        Tensor f = gates.slice(1, 2, 4).map(LSTMTest::sigmoid);
        Tensor g = gates.slice(1, 4, 6).map(Math::tanh);
        Tensor o = gates.slice(1, 6, 8).map(LSTMTest::sigmoid);
        Tensor cNext = f.mul(c).add(i.mul(g));
        LSTMCell.State s = cell.forward(x, h, c);
        assertArrayEquals(cNext.toArray(), s.c().toArray(), 1e-14);
        assertArrayEquals(o.mul(cNext.map(Math::tanh)).toArray(), s.h().toArray(), 1e-14);
    }

    @Test
    void initAndParameterNames() {
        LSTMCell cell = new LSTMCell(3, 4, new Rng(4));
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                cell.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new int[] {16, 3}, cell.weightIh().value().shape());
        assertArrayEquals(new int[] {16, 4}, cell.weightHh().value().shape());
        assertArrayEquals(new int[] {16}, cell.biasIh().value().shape());
        for (Parameter p : cell.parameters()) {
            assertTrue(p.value().abs().maxAll() <= 0.5, p.name());
        }
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"),
                new LSTM(3, 4, new Rng(4)).parameters().stream().map(Parameter::name).toList());
    }

    /** BPTT over T = 4; the checked output appends the final h and c: (T+2, N, H). */
    @Test
    void bpttMatchesCentralDifferencesForInputHxCxAndEveryParameter() {
        Rng rng = new Rng(5);
        LSTM lstm = new LSTM(3, 3, rng);
        int t = 4;
        MultiInputTesting.assertGradients(List.of("input", "hx", "cx"),
                List.of(Tensor.randn(rng, t, 2, 3), Tensor.randn(rng, 2, 3).mul(0.5), Tensor.randn(rng, 2, 3)),
                lstm.parameters(),
                in -> {
                    LSTM.Result r = lstm.forward(in.get(0), in.get(1), in.get(2));
                    return Tensor.cat(List.of(r.output(), r.hN().unsqueeze(0), r.cN().unsqueeze(0)), 0);
                },
                g -> {
                    LSTMCell.Grads d = lstm.backward(g.slice(0, 0, t), g.select(0, t), g.select(0, t + 1));
                    return List.of(d.input(), d.hx(), d.cx());
                }, rng);
    }

    @Test
    void sequenceEqualsCellLoop() {
        Rng rng = new Rng(6);
        LSTM lstm = new LSTM(2, 3, new Rng(7));
        LSTMCell cell = new LSTMCell(2, 3, new Rng(7));
        Tensor x = Tensor.randn(rng, 4, 2, 2);
        Tensor h = Tensor.randn(rng, 2, 3);
        Tensor c = Tensor.randn(rng, 2, 3);
        LSTM.Result r = lstm.forward(x, h, c);
        List<Tensor> hs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            LSTMCell.State st = cell.forward(x.select(0, s), h, c);
            h = st.h();
            c = st.c();
            hs.add(h);
        }
        assertArrayEquals(Tensor.stack(hs, 0).toArray(), r.output().toArray(), 1e-15);
        assertArrayEquals(h.toArray(), r.hN().toArray(), 1e-15);
        assertArrayEquals(c.toArray(), r.cN().toArray(), 1e-15);
    }

    @Test
    void asLayerStartsFromZeros() {
        Rng rng = new Rng(8);
        LSTM lstm = new LSTM(2, 2, rng);
        Tensor x = Tensor.randn(rng, 4, 3, 2);
        assertArrayEquals(lstm.forward(x, null, null).output().toArray(), lstm.forward(x).toArray());
        assertArrayEquals(lstm.forward(x, Tensor.zeros(3, 2), Tensor.zeros(3, 2)).output().toArray(),
                lstm.forward(x).toArray());
        GradientCheck.assertAllPassed(GradientCheck.layer(lstm, x, Tensor.randn(rng, 4, 3, 2)));
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(9);
        LSTM l64 = new LSTM(3, 2, new Rng(10));
        LSTM l32 = new LSTM(DType.FLOAT32, 3, 2, new Rng(10));
        MultiInputTesting.shareWeights(l32.parameters(), l64.parameters());
        Tensor x = Tensor.randn(rng, 4, 2, 3);
        Tensor h = Tensor.randn(rng, 2, 2);
        Tensor c = Tensor.randn(rng, 2, 2);
        LSTM.Result o64 = l64.forward(x, h, c);
        LSTM.Result o32 = l32.forward(x.to(DType.FLOAT32), h.to(DType.FLOAT32), c.to(DType.FLOAT32));
        MultiInputTesting.assertFloat32Close("output", o64.output(), o32.output());
        MultiInputTesting.assertFloat32Close("c_n", o64.cN(), o32.cN());
        Tensor g = Tensor.randn(rng, 4, 2, 2);
        Tensor gc = Tensor.randn(rng, 2, 2);
        LSTMCell.Grads d64 = l64.backward(g, null, gc);
        LSTMCell.Grads d32 = l32.backward(g.to(DType.FLOAT32), null, gc.to(DType.FLOAT32));
        MultiInputTesting.assertFloat32Close("grad input", d64.input(), d32.input());
        MultiInputTesting.assertFloat32Close("grad hx", d64.hx(), d32.hx());
        MultiInputTesting.assertFloat32Close("grad cx", d64.cx(), d32.cx());
        MultiInputTesting.assertParamGradsClose(l64.parameters(), l32.parameters());
    }

    @Test
    void errorsNameTheModuleAndShapes() {
        LSTMCell cell = new LSTMCell(3, 4, new Rng(1));
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> cell.forward(Tensor.zeros(2, 3), Tensor.zeros(2, 4), Tensor.zeros(2, 3)));
        assertEquals("LSTMCell: cx expected shape [2, 4] (batch N, hidden_size H) (shapes [2, 3])", e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> cell.backward(Tensor.zeros(2, 4), null));
        assertEquals("LSTMCell: backward called before forward", s.getMessage());
        cell.forward(Tensor.zeros(2, 3), null, null);
        e = assertThrows(IllegalArgumentException.class, () -> cell.backward(null, Tensor.zeros(2, 5)));
        assertTrue(e.getMessage().startsWith("LSTMCell: grad_output shape differs"), e.getMessage());
        LSTM lstm = new LSTM(3, 4, new Rng(1));
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(5, 2, 4)));
        assertEquals("LSTM: input expected shape (T, N, 3) (sequence length, batch, input_size 3), got shape [5, 2, 4]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> lstm.forward(Tensor.zeros(5, 2, 3), null, Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().startsWith("LSTM: cx expected shape [2, 4] or [1, 2, 4]"), e.getMessage());
    }
}
