package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLayersTest {
    @Test
    void laterLayersReplaceFilesAndVariantsPatchWhatLiesBelow(@TempDir Path dir) throws IOException {
        Path stubs = write(dir.resolve("stubs/a/A.java"), "class A { int x() { throw null; } }\n").getParent().getParent();
        write(dir.resolve("stubs/a/Given.java"), "class Given {}\n");
        Path solution = write(dir.resolve("solution/a/A.java"), "class A {\n  int x() { return 1; }\n}\n").getParent()
                .getParent();
        Path variant = write(dir.resolve("variant/" + SourceLayers.VARIANT_DIFF), """
                --- a/a/A.java
                +++ b/a/A.java
                @@ -1,3 +1,3 @@
                 class A {
                -  int x() { return 1; }
                +  int x() { return 2; }
                 }
                """).getParent();
        Path tree = dir.resolve("tree");
        for (Path layer : new Path[] {stubs, solution, variant}) {
            SourceLayers.overlay(layer, tree);
        }
        assertEquals("class A {\n  int x() { return 2; }\n}\n", Files.readString(tree.resolve("a/A.java")));
        assertEquals("class Given {}\n", Files.readString(tree.resolve("a/Given.java")), "stub files stay");
        Path other = dir.resolve("other");
        SourceLayers.overlay(stubs, other);
        assertThrows(IllegalStateException.class, () -> SourceLayers.overlay(variant, other),
                "a variant that no longer fits the files below it fails");
    }

    @Test
    void theLoopStyleDiffPatchesTheSolutionLikeAVariant(@TempDir Path dir) throws IOException {
        Path solution = write(dir.resolve("solution/a/A.java"), "class A {\n  int x() { return 1; }\n}\n").getParent()
                .getParent();
        Path loopStyle = write(dir.resolve("loop-style/" + SourceLayers.LOOP_STYLE_DIFF), """
                --- a/a/A.java
                +++ b/a/A.java
                @@ -1,3 +1,7 @@
                 class A {
                -  int x() { return 1; }
                +  int x() {
                +    int r = 0;
                +    for (int i = 0; i < 1; i++) r++;
                +    return r;
                +  }
                 }
                """).getParent();
        assertTrue(SourceLayers.isDiff(loopStyle.resolve(SourceLayers.LOOP_STYLE_DIFF)));
        Path tree = dir.resolve("tree");
        SourceLayers.overlay(solution, tree);
        SourceLayers.overlay(loopStyle, tree);
        assertEquals("class A {\n  int x() {\n    int r = 0;\n    for (int i = 0; i < 1; i++) r++;\n"
                + "    return r;\n  }\n}\n", Files.readString(tree.resolve("a/A.java")));
        assertEquals(List.of("a/A.java"), files(tree), "the diff itself is not copied");
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
