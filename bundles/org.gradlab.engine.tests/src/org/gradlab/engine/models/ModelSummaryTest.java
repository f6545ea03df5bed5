package org.gradlab.engine.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.ShapeMismatchException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

    private static final List<LayerSpec> SMALL = List.of(
            LayerSpec.conv2d(3, 4, 3, 1, 1),
            LayerSpec.relu(),
            LayerSpec.maxPool2d(2, 2),
            new LayerSpec.Conv(4, 2, 3, 1, 2, 2, 2, true), // dilated (effective kernel 5), two groups
            LayerSpec.batchNorm2d(2),
            LayerSpec.flatten(),
            LayerSpec.linear(32, 5));

    @Test
    void rowsOfASmallNetMatchHandComputation() {
        ModelSummary s = ModelSummary.of(SMALL, 3, 8, 8);
        List<ModelSummary.Row> r = s.rows();
        assertEquals(7, r.size());

        assertArrayEquals(new int[] {4, 8, 8}, r.get(0).outputShape());
        assertEquals(4 * 3 * 9 + 4, r.get(0).parameters());
        assertEquals(4L * 8 * 8 * 3 * 9, r.get(0).multAdds());
        assertEquals(new ModelSummary.ReceptiveField(3, 1), r.get(0).receptiveField());

        assertEquals(new ModelSummary.ReceptiveField(3, 1), r.get(1).receptiveField(), "ReLU keeps it");
        assertEquals(0, r.get(1).multAdds());

        assertArrayEquals(new int[] {4, 4, 4}, r.get(2).outputShape());
        assertEquals(new ModelSummary.ReceptiveField(4, 2), r.get(2).receptiveField());
        assertEquals(0, r.get(2).multAdds());

        // (4 + 2·2 − 5) / 1 + 1 = 4; weight (2, 4/2, 3, 3) + bias; RF 4 + (5 − 1)·2
        assertArrayEquals(new int[] {2, 4, 4}, r.get(3).outputShape());
        assertEquals(2 * 2 * 9 + 2, r.get(3).parameters());
        assertEquals(2L * 4 * 4 * 2 * 9, r.get(3).multAdds());
        assertEquals(new ModelSummary.ReceptiveField(12, 2), r.get(3).receptiveField());

        assertEquals(4, r.get(4).parameters(), "batch norm: weight and bias per channel");

        assertArrayEquals(new int[] {32}, r.get(5).outputShape());
        assertNull(r.get(5).receptiveField());

        assertArrayEquals(new int[] {5}, r.get(6).outputShape());
        assertEquals(32 * 5 + 5, r.get(6).parameters());
        assertEquals(32L * 5, r.get(6).multAdds());

        assertEquals(112 + 38 + 4 + 165, s.totalParameters());
        assertEquals(6912 + 576 + 160, s.totalMultAdds());
        assertArrayEquals(new int[] {5}, s.outputShape());
    }

    @Test
    void specsAgreeWithTheLayersTheyBuild() {
        Rng rng = new Rng(5);
        int[] input = {4, 9, 7};
        Tensor x = Tensor.randn(rng, 2, 4, 9, 7);
        List<LayerSpec> specs = List.of(
                new LayerSpec.Conv(4, 6, 3, 2, 1, 1, 1, true),
                new LayerSpec.Conv(4, 2, 3, 1, 2, 2, 2, false),
                LayerSpec.maxPool2d(3, 2),
                LayerSpec.batchNorm2d(4),
                LayerSpec.dropout(0.3),
                LayerSpec.sigmoid(),
                LayerSpec.flatten());
        for (LayerSpec spec : specs) {
            Layer layer = spec.build(DType.FLOAT64, rng);
            long params = layer.parameters().stream().mapToLong(p -> p.value().numel()).sum();
            assertEquals(spec.parameterCount(), params, spec.describe());
            int[] out = layer.forward(x).shape();
            int[] expected = spec.outputShape(input);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(out, 1, out.length), spec.describe());
        }
        Layer lin = LayerSpec.linear(7, 3).build(DType.FLOAT32, rng);
        for (Parameter p : lin.parameters()) {
            assertEquals(DType.FLOAT32, p.value().dtype());
        }
    }

    @Test
    void vgg16TotalsAndReceptiveField() {
        ModelSummary s = Models.vgg16Architecture().summary();
        assertEquals(138_357_544L, s.totalParameters());
        assertEquals(15_470_264_320L, s.totalMultAdds(), "the published 15.47 GMACs of VGG16");
        ModelSummary.Row lastPool = s.rows().stream().filter(r -> r.layer() instanceof LayerSpec.MaxPool)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(30, lastPool.index());
        assertArrayEquals(new int[] {512, 7, 7}, lastPool.outputShape());
        assertEquals(new ModelSummary.ReceptiveField(212, 32), lastPool.receptiveField());
        assertArrayEquals(new int[] {1000}, s.outputShape());
    }

    @Test
    void vgg16Cifar32ReceptiveFieldOutgrowsTheImage() {
        ModelSummary s = Models.vgg16CifarArchitecture(10).summary();
        assertArrayEquals(new int[] {512, 1, 1}, s.rows().get(30).outputShape());
        assertEquals(212, s.rows().get(30).receptiveField().size());
        assertEquals(14_982_474L, s.totalParameters());
    }

    @Test
    void inputThatDoesNotFitNamesTheLayerAndShape() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Models.vgg16Architecture().summary(3, 32, 32));
        assertTrue(e.getMessage().startsWith("layer 32 Linear:"), e.getMessage());
        assertTrue(e.getMessage().contains("25088") && e.getMessage().contains("[512]"), e.getMessage());

        e = assertThrows(ShapeMismatchException.class, () -> Models.vgg16Architecture().summary(1, 224, 224));
        assertTrue(e.getMessage().startsWith("layer 0 Conv2d: input expected 3 channels, got 1"), e.getMessage());

        e = assertThrows(ShapeMismatchException.class,
                () -> ModelSummary.of(List.of(LayerSpec.maxPool2d(5, 1)), 2, 3, 3));
        assertTrue(e.getMessage().contains("MaxPool2d") && e.getMessage().contains("[2, 3, 3]"), e.getMessage());

        e = assertThrows(ShapeMismatchException.class, () -> ModelSummary.of(List.of(LayerSpec.conv2d(3, 4, 3)), 3, 8));
        assertTrue(e.getMessage().contains("Conv2d: input expected 3 dimensions per sample (C, H, W)"), e.getMessage());
    }

    @Test
    void mlpSummaryHasNoReceptiveField() {
        ModelSummary s = Models.mlpArchitecture(784, 256, 10).summary(1, 28, 28);
        assertEquals(784 * 256 + 256 + 256 * 10 + 10, s.totalParameters());
        assertTrue(s.rows().stream().allMatch(r -> r.receptiveField() == null));
    }

    @Test
    void tableUsesCommasWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String table = Models.vgg16Architecture().summary().format();
            assertTrue(table.contains("Total params: 138,357,544\n"), table);
            assertTrue(table.contains("Total mult-adds: 15,470,264,320"), table);
            assertTrue(table.contains("Params size: 1055.6 MiB as float64"), table);
            String lastPool = table.lines().filter(l -> l.trim().startsWith("30 ")).findFirst().orElseThrow();
            assertTrue(lastPool.contains("MaxPool2d(kernel_size=2, stride=2)") && lastPool.contains("512x7x7")
                    && lastPool.contains("212 (32)"), lastPool);
            String firstConv = table.lines().filter(l -> l.trim().startsWith("0 ")).findFirst().orElseThrow();
            assertTrue(firstConv.contains("Conv2d(3, 64, kernel_size=3, padding=1)") && firstConv.contains("1,792")
                    && firstConv.contains("86,704,128"), firstConv);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
