package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainMlpCommandTest {
    @TempDir
    Path dir;

    /** rc, stdout, stderr. */
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TrainMlpCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(rc), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void trainsTheSolutionsNetOnGeneratedDataAboveChance() {
        // an empty --data folder: no Fashion-MNIST, so the generated set is used and said so
        String[] r = run("--epochs", "3", "--hidden", "16", "--train", "200", "--test", "100", "--data",
                dir.toString());
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("TwoLayerNet 784 → 16 → 10, 3 epochs, lr 0.1"), out);
        for (int e = 1; e <= 3; e++) {
            assertTrue(Pattern.compile("epoch +" + e + "  training accuracy \\d+\\.\\d%").matcher(out).find(), out);
        }
        assertTrue(out.contains("trained on generated data (install dataset-fashion-mnist for the real set)"), out);
        Matcher m = Pattern.compile("test accuracy (\\d+\\.\\d)% on 100 images \\(chance 10\\.0%\\)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) > 30, "test accuracy should be well above chance: " + out);
    }

    @Test
    void badUsageAndMissingWorkspace() {
        String[] r = run("--hidden", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--hidden must be between 1 and 1000000"), r[2]);
        r = run("--lr", "x");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--lr expects a positive number"), r[2]);
        r = run("--workspace", dir.resolve("nowhere").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("is not a workspace"), r[2]);
    }
}
