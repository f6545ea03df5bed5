package org.gradlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TensorTest {
    private static final Tensor A = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);

    @Test
    void broadcastsRowAndColumnLikeNumPy() {
        Tensor row = Tensor.vector(10, 20, 30);
        Tensor col = Tensor.of(new double[] {100, 200}, 2, 1);
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, A.add(row).toArray());
        assertArrayEquals(new double[] {101, 102, 103, 204, 205, 206}, A.add(col).toArray());
        Tensor outer = col.mul(row);
        assertArrayEquals(new int[] {2, 3}, outer.shape());
        assertArrayEquals(new double[] {1000, 2000, 3000, 2000, 4000, 6000}, outer.toArray());
    }

    @Test
    void broadcastErrorNamesOpAndShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> A.add(Tensor.zeros(4)));
        assertEquals("add: shapes cannot be broadcast together (shapes [2, 3] and [4])", e.getMessage());
    }

    @Test
    void reductionsAlongAxes() {
        assertArrayEquals(new double[] {5, 7, 9}, A.sum(0, false).toArray());
        assertArrayEquals(new int[] {2, 1}, A.sum(1, true).shape());
        assertArrayEquals(new double[] {6, 15}, A.sum(-1, false).toArray());
        assertEquals(21, A.sum(new int[] {0, 1}, false).item());
        assertArrayEquals(new double[] {2, 5}, A.mean(1, false).toArray());
        assertArrayEquals(new double[] {4, 5, 6}, A.max(0, false).toArray());
        assertArrayEquals(new double[] {2, 2}, A.argmax(1, false).toArray());
        assertArrayEquals(new double[] {1, 4}, A.min(1, false).toArray());
        assertEquals(6, A.maxAll());
        assertEquals(1, A.minAll());
        assertEquals(3.5, A.meanAll());
    }

    @Test
    void sumToIsTheAdjointOfBroadcasting() {
        Tensor g = Tensor.ones(4, 2, 3);
        assertArrayEquals(new double[] {8, 8, 8}, g.sumTo(3).toArray());
        assertArrayEquals(new double[] {12, 12}, g.sumTo(2, 1).toArray());
        assertThrows(ShapeMismatchException.class, () -> g.sumTo(4));
    }

    @Test
    void matmulFollowsTorchSemantics() {
        Tensor b = Tensor.of(new double[] {1, 0, 0, 1, 2, 3}, 3, 2);
        assertArrayEquals(new double[] {7, 11, 16, 23}, A.matmul(b).toArray());
        assertArrayEquals(new double[] {14, 32}, A.matmul(Tensor.vector(1, 2, 3)).toArray());
        assertArrayEquals(new double[] {9, 12, 15}, Tensor.vector(1, 2).matmul(A).toArray());
        Tensor batch = Tensor.stack(List.of(A, A.mul(2)), 0); // (2,2,3) @ (3,2) broadcasts
        Tensor r = batch.matmul(b);
        assertArrayEquals(new int[] {2, 2, 2}, r.shape());
        assertArrayEquals(new double[] {7, 11, 16, 23, 14, 22, 32, 46}, r.toArray());
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> A.matmul(A));
        assertTrue(e.getMessage().startsWith("matmul: inner dimensions differ (3 vs 2)"), e.getMessage());
    }

    @Test
    void reshapePermuteTransposeSlice() {
        assertArrayEquals(new int[] {3, 2}, A.reshape(-1, 2).shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, A.t().toArray());
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = x.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertEquals(x.get(1, 2, 3), p.get(3, 1, 2));
        assertEquals(x.get(0, 1, 2), p.get(2, 0, 1));
        assertArrayEquals(new double[] {1, 3, 5, 7, 9, 11}, Tensor.arange(12).reshape(3, 4).slice(1, 1, 4, 2).toArray());
        assertArrayEquals(new double[] {4, 5, 6}, A.select(0, 1).toArray());
        assertArrayEquals(new int[] {2, 1, 3}, A.unsqueeze(1).shape());
        assertArrayEquals(new int[] {6}, A.flatten(0).shape());
        assertThrows(IllegalArgumentException.class, () -> A.reshape(4, -1));
        assertThrows(IllegalArgumentException.class, () -> A.slice(1, 2, 5));
    }

    @Test
    void catAndStack() {
        Tensor c = Tensor.cat(List.of(A, Tensor.of(new double[] {7, 8}, 2, 1)), 1);
        assertArrayEquals(new double[] {1, 2, 3, 7, 4, 5, 6, 8}, c.toArray());
        Tensor s = Tensor.stack(List.of(Tensor.vector(1, 2), Tensor.vector(3, 4)), 1);
        assertArrayEquals(new double[] {1, 3, 2, 4}, s.toArray());
        assertThrows(ShapeMismatchException.class, () -> Tensor.cat(List.of(A, Tensor.zeros(3, 3)), 1));
    }

    @Test
    void elementAccessAndInPlaceOps() {
        Tensor x = Tensor.zeros(2, 3);
        x.set(5, 1, 2);
        assertEquals(5, x.get(1, 2));
        assertEquals(5, x.getFlat(5));
        x.addScaledInPlace(2.0, A);
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 17}, x.toArray());
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> x.get(1));
        Tensor before = A.copy();
        A.exp();
        A.add(1);
        assertArrayEquals(before.toArray(), A.toArray(), "ops must not mutate their operands");
    }

    @Test
    void float32StoresRoundedValuesAndPromotesWithFloat64() {
        Tensor f = Tensor.of(DType.FLOAT32, new double[] {0.1, 1e-50}, 2);
        assertEquals((double) 0.1f, f.getFlat(0));
        assertEquals(0.0, f.getFlat(1), "1e-50 underflows in float32");
        assertEquals(DType.FLOAT32, f.add(1).dtype());
        assertEquals(DType.FLOAT64, f.add(Tensor.vector(1, 1)).dtype());
        Tensor sum = f.add(f);
        assertEquals((double) (0.1f + 0.1f), sum.getFlat(0));
        Tensor m = Tensor.of(DType.FLOAT32, new double[] {1, 2, 3, 4}, 2, 2).matmul(Tensor.of(DType.FLOAT32,
                new double[] {1, 1, 1, 1}, 2, 2));
        assertEquals(DType.FLOAT32, m.dtype());
        assertArrayEquals(new double[] {3, 3, 7, 7}, m.toArray());
    }

    @Test
    void seededRandomIsReproducible() {
        Tensor a = Tensor.randn(new Rng(42), 1000);
        Tensor b = Tensor.randn(new Rng(42), 1000);
        Tensor c = Tensor.randn(new Rng(43), 1000);
        assertArrayEquals(a.toArray(), b.toArray());
        assertTrue(!a.allClose(c, 0, 0));
        Tensor big = Tensor.randn(new Rng(7), 200_000);
        assertEquals(0.0, big.meanAll(), 0.01);
        assertEquals(1.0, big.square().meanAll(), 0.02);
        Tensor u = Tensor.uniform(new Rng(7), -2, 3, 100_000);
        assertTrue(u.minAll() >= -2 && u.maxAll() < 3);
        assertEquals(0.5, u.meanAll(), 0.03);
    }

    @Test
    void whereSelectsByMask() {
        Tensor mask = A.gt(3);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, mask.toArray());
        assertArrayEquals(new double[] {0, 0, 0, 4, 5, 6}, Tensor.where(mask, A, Tensor.scalar(0)).toArray());
    }

    @Test
    void parameterAccumulatesUntilZeroed() {
        Parameter p = new Parameter("weight", Tensor.zeros(2));
        p.accumulateGrad(Tensor.vector(1, 2));
        p.accumulateGrad(Tensor.vector(1, 2));
        assertArrayEquals(new double[] {2, 4}, p.grad().toArray());
        p.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, p.grad().toArray());
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> p.accumulateGrad(Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("[3] and [2]"), e.getMessage());
    }
}
