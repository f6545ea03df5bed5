package org.gradlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class FlattenIdentityTest {
    @Test
    void flattenKeepsTheBatchAxisAndBackwardRestoresTheShape() {
        Tensor x = Tensor.randn(new Rng(30), 2, 3, 4, 5);
        Flatten f = new Flatten();
        Tensor y = f.forward(x);
        assertArrayEquals(new int[] {2, 60}, y.shape());
        assertArrayEquals(x.toArray(), y.toArray());
        Tensor g = Tensor.randn(new Rng(31), 2, 60);
        Tensor gx = f.backward(g);
        assertArrayEquals(new int[] {2, 3, 4, 5}, gx.shape());
        assertArrayEquals(g.toArray(), gx.toArray());
        ActivationTesting.assertGradients(new Flatten(), Tensor.randn(new Rng(32), 2, 2, 3), new Rng(33));
    }

    @Test
    void flattenRejectsInputsWithoutABatchAxis() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> new Flatten().forward(Tensor.zeros(5)));
        assertEquals("Flatten: input expected at least 2 dimensions (N, ...), got shape [5]", e.getMessage());
        Flatten f = new Flatten();
        f.forward(Tensor.zeros(2, 3, 2));
        assertThrows(ShapeMismatchException.class, () -> f.backward(Tensor.zeros(2, 5)));
        assertThrows(IllegalStateException.class, () -> new Flatten().backward(Tensor.zeros(2, 5)));
    }

    @Test
    void identityPassesValuesAndGradientsThrough() {
        Identity id = new Identity();
        Tensor x = Tensor.randn(new Rng(34), 3, 2);
        assertSame(x, id.forward(x));
        Tensor g = Tensor.randn(new Rng(35), 3, 2);
        assertSame(g, id.backward(g));
        assertThrows(ShapeMismatchException.class, () -> id.backward(Tensor.zeros(2, 3)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Identity().backward(g));
        assertEquals("Identity: backward called before forward", e.getMessage());
    }
}
