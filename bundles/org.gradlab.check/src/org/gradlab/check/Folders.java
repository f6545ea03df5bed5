package org.gradlab.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the temporary folders the grader and the command line work in. */
public final class Folders {
    private Folders() {
    }

    /**
     * Deletes {@code dir} and everything under it, deepest first; links are deleted, never followed.
     * Best effort: a null or missing folder is nothing to do, and a failure leaves the rest behind
     * silently, as a leftover temporary folder is harmless.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
