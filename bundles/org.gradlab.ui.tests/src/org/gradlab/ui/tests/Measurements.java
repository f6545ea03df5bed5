package org.gradlab.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Numbers the workbench tests measure (seconds, counts): printed as "MEASURED name value" and
 * written to target/measurements/NAME.txt beside the screenshots, for the build's report.
 */
public final class Measurements {
    private Measurements() {
    }

    public static void report(String name, double value) throws IOException {
        String line = String.format(Locale.ROOT, "%s %.3f%n", name, value);
        System.out.print("MEASURED " + line);
        Path dir = Path.of(System.getProperty("gradlab.screenshots", "target/screenshots")).resolveSibling("measurements");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".txt"), line);
    }

    /** Seconds since {@code t0} (a System.nanoTime()). */
    public static void since(String name, long t0) throws IOException {
        report(name, (System.nanoTime() - t0) / 1e9);
    }
}
