package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
    @Test
    void deletesTheTreeButNotWhatItsLinksPointTo(@TempDir Path dir) throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("a/b/C.java"), "class C {}");
        Files.createSymbolicLink(tree.resolve("a/link"), outside);
        Folders.deleteQuietly(tree);
        assertFalse(Files.exists(tree));
        assertTrue(Files.exists(outside), "a link is deleted, not followed");
    }

    @Test
    void aNullOrMissingFolderIsNothingToDo(@TempDir Path dir) {
        Folders.deleteQuietly(null);
        Folders.deleteQuietly(dir.resolve("missing"));
        assertTrue(Files.isDirectory(dir));
    }
}
