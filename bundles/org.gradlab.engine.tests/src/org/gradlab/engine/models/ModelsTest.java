package org.gradlab.engine.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.Conv2d;
import org.gradlab.engine.nn.Dropout;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.MaxPool2d;
import org.junit.jupiter.api.Test;

class ModelsTest {

    /** Weights and biases of a k×k convolution. */
    private static long conv(int in, int out, int k) {
        return (long) out * in * k * k + out;
    }

    private static long linear(int in, int out) {
        return (long) in * out + out;
    }

    private static long numel(List<Parameter> params) {
        long n = 0;
        for (Parameter p : params) {
            n += p.value().numel();
        }
        return n;
    }

    private static long count(List<Layer> layers, Class<?> type) {
        return layers.stream().filter(type::isInstance).count();
    }

    @Test
    void memorizationAlexNetMapsTwoImagesToTenLogitsAndBack() {
        Sequential net = Models.memorizationAlexNet(new Rng(1));
        Tensor x = Tensor.randn(new Rng(2), 2, 1, 28, 28);
        Tensor y = net.forward(x);
        assertArrayEquals(new int[] {2, 10}, y.shape());
        assertTrue(Double.isFinite(y.sumAll()));
        Tensor dx = net.backward(Tensor.ones(2, 10));
        assertArrayEquals(new int[] {2, 1, 28, 28}, dx.shape());
        assertTrue(dx.abs().sumAll() > 0, "gradient reaches the input");
    }

    @Test
    void memorizationAlexNetHasTheExpectedLayersAndParameters() {
        long expected = conv(1, 96, 4) + conv(96, 96, 3) + conv(96, 256, 5) + conv(256, 384, 3)
                + conv(384, 384, 3) + conv(384, 256, 3) + linear(256 * 5 * 5, 800) + linear(800, 10);
        assertEquals(8_925_738L, expected);
        assertEquals(expected, Models.memorizationAlexNetArchitecture().parameterCount());
        Sequential net = Models.memorizationAlexNet(new Rng(1));
        assertEquals(expected, numel(net.parameters()));
        assertEquals(6, count(net.layers(), Conv2d.class));
        assertEquals(2, count(net.layers(), MaxPool2d.class));
        assertEquals(1, count(net.layers(), Dropout.class));
        assertEquals(2, count(net.layers(), Linear.class));
    }

    @Test
    void memorizationAlexNetSpatialSizesFollowTheDesign() {
        ModelSummary s = Models.memorizationAlexNetArchitecture().summary();
        List<String> shapes = s.rows().stream()
                .filter(r -> r.layer() instanceof LayerSpec.Conv || r.layer() instanceof LayerSpec.MaxPool)
                .map(r -> LayerSpec.format(r.outputShape())).toList();
        assertEquals(List.of("96x25x25", "96x23x23", "256x23x23", "256x11x11", "384x11x11", "384x11x11",
                "256x11x11", "256x5x5"), shapes);
        assertArrayEquals(new int[] {10}, s.outputShape());
    }

    @Test
    void vgg16SpecHas138MillionParametersWithoutAllocatingThem() {
        long features = conv(3, 64, 3) + conv(64, 64, 3) + conv(64, 128, 3) + conv(128, 128, 3)
                + conv(128, 256, 3) + 2 * conv(256, 256, 3) + conv(256, 512, 3) + 5 * conv(512, 512, 3);
        long expected = features + linear(25088, 4096) + linear(4096, 4096) + linear(4096, 1000);
        assertEquals(138_357_544L, expected);
        Architecture vgg = Models.vgg16Architecture();
        assertEquals(expected, vgg.parameterCount());
        assertEquals(13, vgg.layers().stream().filter(l -> l instanceof LayerSpec.Conv).count());
        assertEquals(3, vgg.layers().stream().filter(l -> l instanceof LayerSpec.LinearSpec).count());
        assertEquals(5, vgg.layers().stream().filter(l -> l instanceof LayerSpec.MaxPool).count());
        assertArrayEquals(new int[] {3, 224, 224}, vgg.inputShape());
    }

    @Test
    void vgg16CifarBuildsAndMapsOneImageToTenLogits() {
        Architecture spec = Models.vgg16CifarArchitecture(10);
        long expected = 14_714_688L + linear(512, 512) + linear(512, 10);
        assertEquals(14_982_474L, expected);
        assertEquals(expected, spec.parameterCount());

        Sequential net = Models.vgg16Cifar(10, new Rng(3));
        assertEquals(expected, numel(net.parameters()));
        assertEquals("0.weight", net.namedParameters().keySet().iterator().next());
        assertTrue(net.namedParameters().containsKey("28.bias"), "13th convolution at index 28, as torchvision");
        Tensor y = net.forward(Tensor.randn(new Rng(4), 1, 3, 32, 32));
        assertArrayEquals(new int[] {1, 10}, y.shape());
        assertTrue(Double.isFinite(y.sumAll()));
    }

    @Test
    void sameSeedBuildsTheSameWeights() {
        Sequential a = Models.mlpArchitecture(4, 3, 2).build(new Rng(9));
        Sequential b = Models.mlpArchitecture(4, 3, 2).build(new Rng(9));
        Sequential c = Models.mlpArchitecture(4, 3, 2).build(new Rng(10));
        assertArrayEquals(a.parameters().get(0).value().toArray(), b.parameters().get(0).value().toArray(), 0.0);
        assertTrue(!a.parameters().get(0).value().allClose(c.parameters().get(0).value(), 0, 0));
    }
}
