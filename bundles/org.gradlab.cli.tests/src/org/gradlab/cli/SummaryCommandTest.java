package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SummaryCommandTest {

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = SummaryCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @Test
    void vgg16PrintsItsTableAndTotals() {
        assertEquals(0, run("vgg16"), err);
        assertTrue(out.startsWith("Model: vgg16\nInput: 3x224x224\n"), out);
        assertTrue(out.contains("Total params: 138,357,544\n"), out);
        String lastPool = out.lines().filter(l -> l.trim().startsWith("30 ")).findFirst().orElseThrow();
        assertTrue(lastPool.contains("512x7x7") && lastPool.contains("212 (32)"), lastPool);
        assertTrue(out.contains("Linear(25088, 4096)"), out);
        assertEquals("", err);
    }

    @Test
    void inputShapeAcceptsTimesSignAndX() {
        assertEquals(0, run("vgg16-cifar", "--input", "3\u00d732\u00d732"), err);
        assertTrue(out.contains("Total params: 14,982,474"), out);
        assertEquals(0, run("memorization-alexnet", "--input=1x28x28"), err);
        assertTrue(out.contains("Total params: 8,925,738"), out);
        assertTrue(out.contains("256x5x5"), out);
    }

    @Test
    void mlpTakesItsSizes() {
        assertEquals(0, run("mlp", "--sizes", "4,3,2"), err);
        assertTrue(out.contains("Total params: 23\n"), out); // 4·3 + 3 + 3·2 + 2
        assertEquals(0, run("mlp", "--input", "1x2x2", "--sizes", "4,3,2"), err);
        assertTrue(out.contains("Input: 1x2x2"), out);
    }

    @Test
    void unknownModelListsTheKnownOnes() {
        assertEquals(2, run("resnet50"));
        assertTrue(err.contains("unknown model 'resnet50'; known models: vgg16, vgg16-cifar, memorization-alexnet, mlp"),
                err);
        assertEquals("", out);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertTrue(err.contains("no MODEL given") && err.contains("usage: gradlab summary"), err);
        assertEquals(2, run("vgg16", "--input"));
        assertTrue(err.contains("--input needs a value"), err);
        assertEquals(2, run("vgg16", "--input", "3x0x224"));
        assertTrue(err.contains("--input expects positive integers"), err);
        assertEquals(2, run("vgg16", "--depth", "3"));
        assertTrue(err.contains("unknown option --depth"), err);
        assertEquals(2, run("vgg16", "--sizes", "1,2"));
        assertTrue(err.contains("--sizes applies to mlp only"), err);
        assertEquals(2, run("mlp", "--sizes", "5"));
        assertTrue(err.contains("MLP: need at least an input and an output size"), err);
    }

    @Test
    void inputTheModelCannotTakeIsExplained() {
        assertEquals(2, run("vgg16", "--input", "3x32x32"));
        assertTrue(err.contains("vgg16 does not accept this input: layer 32 Linear"), err);
    }

    @Test
    void helpGoesToStandardOutput() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("memorization-alexnet"), out);
    }
}
