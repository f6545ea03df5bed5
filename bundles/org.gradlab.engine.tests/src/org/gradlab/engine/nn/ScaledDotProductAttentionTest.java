package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.DType;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class ScaledDotProductAttentionTest {
    private static void assertGradients(int[] q, int[] k, int[] v, boolean causal, Rng rng) {
        ScaledDotProductAttention attention = new ScaledDotProductAttention();
        MultiInputTesting.assertGradients(List.of("query", "key", "value"),
                List.of(Tensor.randn(rng, q), Tensor.randn(rng, k), Tensor.randn(rng, v)), List.of(),
                in -> attention.forward(in.get(0), in.get(1), in.get(2), causal),
                g -> {
                    ScaledDotProductAttention.Grads d = attention.backward(g);
                    return List.of(d.query(), d.key(), d.value());
                }, rng);
    }

    @Test
    void gradientsWithoutMask() {
        Rng rng = new Rng(1);
        assertGradients(new int[] {2, 3, 4}, new int[] {2, 4, 4}, new int[] {2, 4, 5}, false, rng);
        assertGradients(new int[] {2, 3}, new int[] {4, 3}, new int[] {4, 2}, false, rng); // no batch dims
    }

    @Test
    void gradientsWithCausalMask() {
        Rng rng = new Rng(2);
        assertGradients(new int[] {2, 4, 3}, new int[] {2, 4, 3}, new int[] {2, 4, 3}, true, rng);
        assertGradients(new int[] {1, 3, 2}, new int[] {1, 5, 2}, new int[] {1, 5, 2}, true, rng); // L < S
        assertGradients(new int[] {1, 4, 2}, new int[] {1, 2, 2}, new int[] {1, 2, 3}, true, rng); // L > S
    }

    @Test
    void gradientsWithFourDimensionalInput() {
        Rng rng = new Rng(3);
        assertGradients(new int[] {2, 2, 3, 4}, new int[] {2, 2, 4, 4}, new int[] {2, 2, 4, 3}, false, rng);
        assertGradients(new int[] {1, 2, 4, 3}, new int[] {1, 2, 4, 3}, new int[] {1, 2, 4, 3}, true, rng);
    }

    @Test
    void forwardByHand() {
        // scores q·k/√1 = [0, ln 3] → weights [1/4, 3/4] → 1/4·4 + 3/4·8 = 7
        Tensor q = Tensor.of(new double[] {1}, 1, 1);
        Tensor k = Tensor.of(new double[] {0, Math.log(3)}, 2, 1);
        Tensor v = Tensor.of(new double[] {4, 8}, 2, 1);
        ScaledDotProductAttention attention = new ScaledDotProductAttention();
        assertEquals(7.0, attention.forward(q, k, v).item(), 1e-14);
        assertArrayEquals(new double[] {0.25, 0.75}, attention.attentionWeights().toArray(), 1e-15);
        // E = 4 scales by 1/2: scores [0, 2·ln 3 / 2]
        Tensor q4 = Tensor.of(new double[] {1, 1, 0, 0}, 1, 4);
        Tensor k4 = Tensor.of(new double[] {0, 0, 0, 0, Math.log(3), Math.log(3), 5, -5}, 2, 4);
        assertEquals(7.0, attention.forward(q4, k4, v).item(), 1e-14);
    }

    @Test
    void forwardMatchesTensorFormulaOnBatches() {
        Rng rng = new Rng(4);
        Tensor q = Tensor.randn(rng, 2, 3, 3, 4);
        Tensor k = Tensor.randn(rng, 2, 3, 5, 4);
        Tensor v = Tensor.randn(rng, 2, 3, 5, 2);
        Tensor p = Functional.softmax(q.matmul(k.transpose(-1, -2)).div(2.0), -1);
        Tensor expected = p.matmul(v);
        ScaledDotProductAttention attention = new ScaledDotProductAttention();
        TensorComparison.compare("output", expected, attention.forward(q, k, v), 1e-13, 1e-14).orThrow();
        TensorComparison.compare("weights", p, attention.attentionWeights(), 1e-13, 1e-14).orThrow();
    }

    @Test
    void causalMaskHidesTheFuture() {
        Rng rng = new Rng(5);
        Tensor q = Tensor.randn(rng, 2, 4, 3);
        Tensor k = Tensor.randn(rng, 2, 4, 3);
        Tensor v = Tensor.randn(rng, 2, 4, 3);
        ScaledDotProductAttention attention = new ScaledDotProductAttention();
        Tensor y = attention.forward(q, k, v, true);
        Tensor w = attention.attentionWeights();
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    assertEquals(0.0, w.get(b, i, j), "weight of future position " + j + " for query " + i);
                }
            }
            assertEquals(1.0, w.get(b, 0, 0), 1e-15);
            // the first query only sees the first value
            assertArrayEquals(v.select(0, b).select(0, 0).toArray(), y.select(0, b).select(0, 0).toArray(), 1e-15);
        }
        // changing the last key and value changes only the last output row
        Tensor k2 = k.copy();
        Tensor v2 = v.copy();
        for (int b = 0; b < 2; b++) {
            for (int e = 0; e < 3; e++) {
                k2.set(k.get(b, 3, e) + 5, b, 3, e);
                v2.set(v.get(b, 3, e) - 7, b, 3, e);
            }
        }
        Tensor y2 = attention.forward(q, k2, v2, true);
        assertArrayEquals(y.slice(1, 0, 3).toArray(), y2.slice(1, 0, 3).toArray());
        assertTrue(!y.slice(1, 3, 4).allClose(y2.slice(1, 3, 4), 1e-6, 1e-6), "the last query sees the change");
        Tensor unmasked = attention.forward(q, k2, v2, false);
        assertTrue(!y.slice(1, 0, 3).allClose(unmasked.slice(1, 0, 3), 1e-6, 1e-6), "without the mask it leaks");
    }

    @Test
    void largeScoresStayFinite() {
        Tensor q = Tensor.of(new double[] {1000, -1000, 500, 800}, 2, 2);
        Tensor k = Tensor.of(new double[] {1000, 0, -1000, 1000, 3, 3}, 3, 2);
        Tensor v = Tensor.of(new double[] {1, 2, 3}, 3, 1);
        ScaledDotProductAttention attention = new ScaledDotProductAttention();
        Tensor y = attention.forward(q, k, v);
        assertEquals(1.0, y.get(0, 0), 1e-12); // first query: scores ≈ [7e5, -7e5, 0] → all on key 0
        for (double d : attention.backward(Tensor.ones(2, 1)).query().toArray()) {
            assertTrue(Double.isFinite(d));
        }
    }

    @Test
    void float32AgreesWithFloat64() {
        Rng rng = new Rng(6);
        Tensor q = Tensor.randn(rng, 2, 3, 4);
        Tensor k = Tensor.randn(rng, 2, 5, 4);
        Tensor v = Tensor.randn(rng, 2, 5, 3);
        Tensor g = Tensor.randn(rng, 2, 3, 3);
        ScaledDotProductAttention a64 = new ScaledDotProductAttention();
        ScaledDotProductAttention a32 = new ScaledDotProductAttention();
        MultiInputTesting.assertFloat32Close("output", a64.forward(q, k, v, true),
                a32.forward(q.to(DType.FLOAT32), k.to(DType.FLOAT32), v.to(DType.FLOAT32), true));
        ScaledDotProductAttention.Grads d64 = a64.backward(g);
        ScaledDotProductAttention.Grads d32 = a32.backward(g.to(DType.FLOAT32));
        MultiInputTesting.assertFloat32Close("grad query", d64.query(), d32.query());
        MultiInputTesting.assertFloat32Close("grad key", d64.key(), d32.key());
        MultiInputTesting.assertFloat32Close("grad value", d64.value(), d32.value());
    }

    @Test
    void shapeErrorsNameTheOpAndShapes() {
        ScaledDotProductAttention a = new ScaledDotProductAttention();
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> a.forward(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 5, 3), Tensor.zeros(2, 5, 3)));
        assertEquals("ScaledDotProductAttention: query and key differ in embedding size E (last dimension) "
                + "(shapes [2, 3, 4] and [2, 5, 3])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> a.forward(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 5, 4), Tensor.zeros(2, 6, 3)));
        assertEquals("ScaledDotProductAttention: key and value differ in sequence length S (dimension -2) "
                + "(shapes [2, 5, 4] and [2, 6, 3])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> a.forward(Tensor.zeros(2, 3, 4), Tensor.zeros(1, 5, 4), Tensor.zeros(1, 5, 3)));
        assertTrue(e.getMessage().startsWith("ScaledDotProductAttention: query, key and value differ in batch dimension 0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> a.forward(Tensor.zeros(4), Tensor.zeros(4), Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("[4]"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> a.backward(Tensor.zeros(2, 3)));
        assertEquals("ScaledDotProductAttention: backward called before forward", s.getMessage());
    }
}
