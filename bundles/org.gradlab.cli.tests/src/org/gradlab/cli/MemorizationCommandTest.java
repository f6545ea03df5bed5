package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorizationCommandTest {
    @TempDir
    Path dir;

    /** An IDX file: magic (unsigned bytes, rank), sizes, then the bytes; gzipped when asked. */
    private static void idx(Path file, int[] dims, byte[] data, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream o = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    @Test
    void readsIdxImagesAndLabelsGzippedOrNot() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        pixels[0] = (byte) 255; // unsigned: 255, not −1
        idx(dir.resolve("img.gz"), new int[] {3, 2, 2}, pixels, true);
        idx(dir.resolve("lab"), new int[] {3}, new byte[] {7, 0, 9}, false);
        Tensor images = FashionMnist.images(dir.resolve("img.gz"), 2);
        assertArrayEquals(new int[] {2, 1, 2, 2}, images.shape());
        assertEquals((1.0 - FashionMnist.MEAN) / FashionMnist.STD, images.getFlat(0), 1e-12);
        assertEquals((20 / 255.0 - FashionMnist.MEAN) / FashionMnist.STD, images.getFlat(1), 1e-12);
        assertEquals((140 / 255.0 - FashionMnist.MEAN) / FashionMnist.STD, images.getFlat(7), 1e-12);
        assertArrayEquals(new double[] {7, 0, 9}, FashionMnist.labels(dir.resolve("lab"), 10).toArray());
    }

    @Test
    void refusesWhatIsNotIdx() throws IOException {
        Files.write(dir.resolve("bad"), new byte[] {0, 0, 0x0d, 3, 0, 0, 0, 1});
        IOException e = assertThrows(IOException.class, () -> FashionMnist.images(dir.resolve("bad"), 1));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
        assertTrue(!FashionMnist.present(dir));
    }

    @Test
    void chartIsAReadablePngWithBothRuns() throws IOException {
        List<double[]> truth = new ArrayList<>();
        List<double[]> random = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            truth.add(new double[] {2.0 / (e + 1), 0.5 + e * 0.04, 0.5 + e * 0.03});
            random.add(new double[] {2.3 - e * 0.15, 0.1 + e * 0.07, 0.1});
        }
        Path png = dir.resolve("out/chart.png");
        MemorizationPlot.write(png, truth, random, 0.1, "title", "subtitle");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(MemorizationPlot.WIDTH, image.getWidth());
        assertEquals(MemorizationPlot.HEIGHT, image.getHeight());
        int blue = 0;
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                blue += rgb == 0x1f77b4 ? 1 : 0;
                red += rgb == 0xd62728 ? 1 : 0;
            }
        }
        assertTrue(blue > 500 && red > 500, "blue " + blue + ", red " + red + " pixels");
    }

    @Test
    void niceCeilings() {
        assertEquals(2.5, MemorizationPlot.niceCeiling(2.31), 1e-12);
        assertEquals(5, MemorizationPlot.niceCeiling(4.3), 1e-12);
        assertEquals(0.2, MemorizationPlot.niceCeiling(0.17), 1e-12);
        assertEquals(1, MemorizationPlot.niceCeiling(0), 1e-12);
    }

    @Test
    void optionsAndTheirErrors() {
        MemorizationCommand.Options o = MemorizationCommand.parse(new String[0]);
        assertEquals(30, o.epochs());
        assertEquals(2000, o.train());
        assertEquals(1000, o.test());
        assertEquals(Path.of("memorization.png"), o.png());
        o = MemorizationCommand.parse(new String[] {"--epochs", "3", "--png", "x.png", "--seed", "5"});
        assertEquals(3, o.epochs());
        assertEquals(5, o.seed());
        String[] out = run("--epochs", "0");
        assertEquals("2", out[0]);
        assertTrue(out[2].contains("--epochs must be between 1 and 1000000"), out[2]);
        out = run("--frobnicate");
        assertEquals("2", out[0]);
        assertTrue(out[2].contains("unexpected argument --frobnicate") && out[2].contains("usage:"), out[2]);
        out = run("--workspace", dir.resolve("nowhere").toString());
        assertEquals("1", out[0]);
        assertTrue(out[2].contains("is not a workspace"), out[2]);
    }

    /** The whole command on the course's solutions and generated data (no Fashion-MNIST in an empty folder). */
    @Test
    void runsTheExperimentOnGeneratedDataWithoutFashionMnist() throws IOException {
        Path png = dir.resolve("m.png");
        String[] out = run("--epochs", "2", "--train", "60", "--test", "40", "--data", dir.toString(), "--png",
                png.toString());
        assertEquals("0", out[0], out[2]);
        assertTrue(out[1].contains("data: generated data, 60 training and 40 test images of 28×28"), out[1]);
        assertTrue(out[1].contains("Fashion-MNIST was not found"), out[1]);
        assertTrue(out[1].contains("      2 |"), out[1]);
        assertTrue(out[1].contains("random labels: training accuracy"), out[1]);
        assertTrue(Files.size(png) > 1000);
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = MemorizationCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }
}
