package org.gradlab.engine.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gradlab.check.Comparison;
import org.gradlab.check.GradientCheck;
import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.Dropout;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.engine.nn.Tanh;
import org.junit.jupiter.api.Test;

class SequentialTest {

    /** Identity layer that records every setTraining call. */
    static final class ModeRecorder implements Layer {
        final List<Boolean> calls = new ArrayList<>();

        @Override
        public Tensor forward(Tensor input) {
            return input;
        }

        @Override
        public Tensor backward(Tensor gradOutput) {
            return gradOutput;
        }

        @Override
        public void setTraining(boolean training) {
            calls.add(training);
        }
    }

    @Test
    void forwardChainsAndBackwardRunsInReverse() {
        Rng rng = new Rng(1);
        Linear l1 = new Linear(2, 2, rng);
        Linear l2 = new Linear(2, 1, rng);
        l1.weight().value().copyFrom(Tensor.matrix(new double[] {1, -1}, new double[] {2, 0}));
        l1.bias().value().copyFrom(Tensor.vector(0, 1));
        l2.weight().value().copyFrom(Tensor.matrix(new double[] {1, 1}));
        l2.bias().value().copyFrom(Tensor.vector(0.5));
        Sequential net = new Sequential(l1, new ReLU(), l2);

        // h = [1−2, 2+1] = [−1, 3] → relu [0, 3] → 0 + 3 + 0.5
        Tensor y = net.forward(Tensor.matrix(new double[] {1, 2}));
        assertArrayEquals(new int[] {1, 1}, y.shape());
        assertEquals(3.5, y.item(), 1e-12);

        // dy/dh = [1, 1], ReLU passes only the second, dx = W1ᵀ·[0, 1] = [2, 0]
        Tensor dx = net.backward(Tensor.ones(1, 1));
        assertArrayEquals(new double[] {2, 0}, dx.toArray(), 1e-12);
        assertArrayEquals(new double[] {0, 3}, l2.weight().grad().toArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, 2}, l1.weight().grad().toArray(), 1e-12);
    }

    @Test
    void gradientCheckOfSmallMlp() {
        Rng rng = new Rng(7);
        MLP mlp = new MLP(new int[] {3, 4, 4, 2}, Tanh::new, rng);
        Tensor x = Tensor.randn(rng, 5, 3);
        Tensor g = Tensor.randn(rng, 5, 2);
        List<Comparison> results = GradientCheck.layer(mlp, x, g);
        assertEquals(1 + 6, results.size(), "input gradient and three weights and biases");
        GradientCheck.assertAllPassed(results);
    }

    @Test
    void mlpStacksLinearAndActivationWithoutFinalActivation() {
        MLP mlp = new MLP(new int[] {3, 5, 4, 2}, ReLU::new, new Rng(3));
        assertEquals(5, mlp.size());
        assertTrue(mlp.get(0) instanceof Linear);
        assertTrue(mlp.get(1) instanceof ReLU);
        assertTrue(mlp.get(3) instanceof ReLU);
        assertTrue(mlp.get(4) instanceof Linear);
        assertEquals(2, ((Linear) mlp.get(4)).outFeatures());
        assertThrows(IllegalArgumentException.class, () -> new MLP(new int[] {3}, ReLU::new, new Rng(3)));
    }

    @Test
    void parametersHavePyTorchStyleNamesInLayerOrder() {
        MLP mlp = new MLP(new int[] {3, 4, 4, 2}, ReLU::new, new Rng(3));
        Map<String, Parameter> named = mlp.namedParameters();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
                List.copyOf(named.keySet()));
        assertSame(((Linear) mlp.get(2)).weight(), named.get("2.weight"));
        assertEquals(List.copyOf(named.values()), mlp.parameters());
        assertEquals("weight", named.get("4.weight").name(), "the parameter keeps its own name");

        Rng rng = new Rng(4);
        Linear inner = new Linear(4, 2, false, rng);
        Sequential nested = new Sequential(new Linear(3, 4, rng), new Sequential(new ReLU(), inner));
        assertEquals(List.of("0.weight", "0.bias", "1.1.weight"), List.copyOf(nested.namedParameters().keySet()));
        assertSame(inner.weight(), nested.namedParameters().get("1.1.weight"));
    }

    @Test
    void setTrainingReachesEveryLayerIncludingNested() {
        ModeRecorder first = new ModeRecorder();
        ModeRecorder deep = new ModeRecorder();
        Sequential net = new Sequential(first, new Sequential(new ReLU(), deep));
        net.setTraining(false);
        net.setTraining(true);
        assertEquals(List.of(false, true), first.calls);
        assertEquals(List.of(false, true), deep.calls);
    }

    @Test
    void evaluationModeTurnsOffDropoutInside() {
        Sequential net = new Sequential(new Dropout(0.5, new Rng(5)));
        Tensor x = Tensor.ones(4, 50);
        assertTrue(net.forward(x).sumAll() != 200, "training mode drops elements");
        net.setTraining(false);
        assertArrayEquals(x.toArray(), net.forward(x).toArray(), 0.0);
    }

    @Test
    void float32AgreesWithFloat64() {
        MLP m64 = new MLP(DType.FLOAT64, new int[] {3, 6, 2}, Tanh::new, new Rng(11));
        MLP m32 = new MLP(DType.FLOAT32, new int[] {3, 6, 2}, Tanh::new, new Rng(11));
        assertEquals(DType.FLOAT32, m32.parameters().get(0).value().dtype());
        Tensor x = Tensor.randn(new Rng(12), 4, 3);
        Tensor y64 = m64.forward(x);
        Tensor y32 = m32.forward(x.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, y32.dtype());
        assertTrue(y64.allClose(y32.to(DType.FLOAT64), 1e-4, 1e-5), y64 + " vs " + y32);
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        Sequential net = new Sequential(new ReLU());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.backward(Tensor.ones(2)));
        assertEquals("Sequential: backward called before forward", e.getMessage());
    }

    @Test
    void theSameLayerInstanceTwiceIsRefused() {
        ReLU relu = new ReLU();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sequential(relu, new Tanh(), relu));
        assertTrue(e.getMessage().contains("layer 2 is the same instance as layer 0"), e.getMessage());
    }

    @Test
    void emptySequentialIsTheIdentity() {
        Tensor x = Tensor.vector(1, 2, 3);
        Sequential net = new Sequential();
        assertSame(x, net.forward(x));
        assertTrue(net.parameters().isEmpty());
    }
}
