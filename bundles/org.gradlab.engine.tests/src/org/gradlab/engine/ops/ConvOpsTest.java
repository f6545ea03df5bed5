package org.gradlab.engine.ops;

import static org.gradlab.engine.ops.OpTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.check.TensorComparison;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.ConvTesting;
import org.junit.jupiter.api.Test;

/** The conv family through the registry, as conformance vectors call it. */
class ConvOpsTest {
    @Test
    void allFiveOpsAreRegistered() {
        for (String op : List.of("conv2d", "conv_transpose2d", "max_pool2d", "avg_pool2d", "upsample_nearest2d")) {
            assertTrue(OpRegistry.get().names().contains(op), op);
        }
    }

    @Test
    void conv2dTakesWeightsAndAttributesFromTheCase() {
        Rng rng = new Rng(31);
        Tensor x = Tensor.randn(rng, 2, 4, 6, 5);
        Tensor w = Tensor.randn(rng, 6, 2, 3, 2);
        Tensor b = Tensor.randn(rng, 6);
        Map<String, Object> attrs = Map.of("stride", List.of(2, 1), "padding", List.of(1, 0),
                "dilation", List.of(1, 2), "groups", 2);
        Tensor expected = ConvTesting.naiveConv2d(x, w, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, 2)
                .add(b.reshape(1, 6, 1, 1));
        Tensor g = Tensor.randn(rng, expected.shape());
        OpResult r = run("conv2d", attrs, Map.of("input", x, "weight", w, "bias", b), g);
        TensorComparison.compare("conv2d op", expected, r.output(), 1e-12, 1e-12).orThrow();
        assertEquals(List.of("input", "weight", "bias"), List.copyOf(r.grads().keySet()));
        // bias gradient = grad_output summed over N, H, W
        TensorComparison.compare("bias grad", g.sum(new int[] {0, 2, 3}, false), r.grads().get("bias"), 1e-12, 1e-12)
                .orThrow();

        OpResult noBias = run("conv2d", attrs, Map.of("input", x, "weight", w), g);
        assertFalse(noBias.grads().containsKey("bias"));
        TensorComparison.compare("grad input without bias", r.grads().get("input"), noBias.grads().get("input"),
                1e-15, 0).orThrow();
    }

    @Test
    void conv2dDefaultsAndScalarAttributes() {
        Rng rng = new Rng(32);
        Tensor x = Tensor.randn(rng, 1, 2, 5, 5);
        Tensor w = Tensor.randn(rng, 3, 2, 3, 3);
        // no attributes at all: stride 1, padding 0, dilation 1, groups 1
        OpResult plain = run("conv2d", Map.of(), Map.of("input", x, "weight", w), Tensor.ones(1, 3, 3, 3));
        TensorComparison.compare("defaults", ConvTesting.naiveConv2d(x, w, new int[] {1, 1}, new int[] {0, 0},
                new int[] {1, 1}, 1), plain.output(), 1e-12, 1e-12).orThrow();
        // a single integer means both axes
        OpResult scalar = run("conv2d", Map.of("padding", 1, "stride", 2), Map.of("input", x, "weight", w),
                Tensor.ones(1, 3, 3, 3));
        assertArrayEquals(new int[] {1, 3, 3, 3}, scalar.output().shape());
    }

    @Test
    void convTranspose2dOutputSizeAndGradNames() {
        Rng rng = new Rng(33);
        Tensor x = Tensor.randn(rng, 2, 3, 4, 3);
        Tensor w = Tensor.randn(rng, 3, 2, 3, 3);
        Map<String, Object> attrs = Map.of("stride", List.of(2, 2), "padding", List.of(1, 1),
                "output_padding", List.of(1, 1), "groups", 1, "dilation", List.of(1, 1));
        OpResult r = run("conv_transpose2d", attrs, Map.of("input", x, "weight", w, "bias", Tensor.zeros(2)),
                Tensor.ones(2, 2, 8, 6));
        assertArrayEquals(new int[] {2, 2, 8, 6}, r.output().shape());
        assertArrayEquals(new int[] {3, 2, 3, 3}, r.grads().get("weight").shape());
        assertEquals(2 * 8 * 6, r.grads().get("bias").get(0), 1e-12);
    }

    @Test
    void poolStrideAbsentOrEmptyMeansKernel() {
        Tensor x = ConvTesting.tieFree(new Rng(34), 1, 2, 6, 6);
        Map<String, Object> base = new HashMap<>(Map.of("kernel_size", List.of(3, 3), "padding", List.of(0, 0),
                "ceil_mode", false));
        for (String op : List.of("max_pool2d", "avg_pool2d")) {
            OpResult absent = run(op, base, Map.of("input", x), Tensor.ones(1, 2, 2, 2));
            Map<String, Object> empty = new HashMap<>(base);
            empty.put("stride", List.of());
            OpResult emptyStride = run(op, empty, Map.of("input", x), Tensor.ones(1, 2, 2, 2));
            Map<String, Object> one = new HashMap<>(base);
            one.put("stride", List.of(1, 1));
            OpResult strideOne = run(op, one, Map.of("input", x), Tensor.ones(1, 2, 4, 4));
            assertArrayEquals(new int[] {1, 2, 2, 2}, absent.output().shape(), op);
            assertArrayEquals(absent.output().toArray(), emptyStride.output().toArray(), op);
            assertArrayEquals(new int[] {1, 2, 4, 4}, strideOne.output().shape(), op);
        }
    }

    @Test
    void avgPoolCountIncludePadAttribute() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Map<String, Object> attrs = new HashMap<>(Map.of("kernel_size", List.of(3, 3), "stride", List.of(2, 2),
                "padding", List.of(1, 1), "ceil_mode", false, "count_include_pad", false));
        assertArrayEquals(new double[] {3, 4, 6, 7},
                run("avg_pool2d", attrs, Map.of("input", x), Tensor.ones(1, 1, 2, 2)).output().toArray(), 1e-15);
        attrs.put("count_include_pad", true);
        assertEquals(12 / 9.0,
                run("avg_pool2d", attrs, Map.of("input", x), Tensor.ones(1, 1, 2, 2)).output().getFlat(0), 1e-15);
    }

    @Test
    void ceilModeIsRefusedClearly() {
        Map<String, Object> attrs = Map.of("kernel_size", List.of(2, 2), "ceil_mode", true);
        for (String op : List.of("max_pool2d", "avg_pool2d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run(op, attrs, Map.of("input", Tensor.zeros(1, 1, 4, 4)), Tensor.zeros(1, 1, 2, 2)));
            assertEquals(op + ": ceil_mode=true is not supported; only the default floor mode (ceil_mode=false) "
                    + "is implemented", e.getMessage());
        }
    }

    @Test
    void upsampleScaleFactor() {
        OpResult r = run("upsample_nearest2d", Map.of("scale_factor", List.of(3, 2)),
                Map.of("input", Tensor.ones(1, 2, 2, 3)), Tensor.ones(1, 2, 6, 6));
        assertArrayEquals(new int[] {1, 2, 6, 6}, r.output().shape());
        assertArrayEquals(Tensor.full(r.output().dtype(), 6, 1, 2, 2, 3).toArray(), r.grads().get("input").toArray());
    }
}
