package org.gradlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader (or a run resumed after kill -9) never sees half of one. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes to a hidden temporary sibling, then renames it over {@code target} with ATOMIC_MOVE:
     * the file is either the old one or the complete new one. The temporary name starts with a
     * dot so that folder listings which skip hidden files never pick up a leftover.
     */
    public static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
