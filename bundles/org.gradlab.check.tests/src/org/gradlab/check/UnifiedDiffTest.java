package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
    private static final String ORIGINAL = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";

    private static String apply(String diff, String original) {
        List<UnifiedDiff.FilePatch> patches = UnifiedDiff.parse("test.diff", diff);
        assertEquals(1, patches.size());
        return patches.get(0).apply(original);
    }

    @Test
    void changesAddsAndRemovesLines() {
        String diff = """
                --- a/p/X.java
                +++ b/p/X.java
                @@ -2,4 +2,5 @@
                 b
                -c
                +C
                 d
                +d2
                 e
                """;
        assertEquals("a\nb\nC\nd\nd2\ne\nf\ng\nh\ni\nj\n", apply(diff, ORIGINAL));
        String removal = """
                --- a/p/X.java
                +++ b/p/X.java
                @@ -1,3 +1,2 @@
                 a
                -b
                 c
                """;
        assertEquals("a\nc\nd\ne\nf\ng\nh\ni\nj\n", apply(removal, ORIGINAL));
    }

    @Test
    void appliesSeveralHunksAtTheirOwnLines() {
        String diff = """
                --- a/p/X.java\t2026-01-01 00:00:00
                +++ b/p/X.java\t2026-01-01 00:00:00
                @@ -1,2 +1,2 @@
                -a
                +A
                 b
                @@ -8,3 +8,2 @@
                 h
                -i
                 j
                """;
        UnifiedDiff.FilePatch p = UnifiedDiff.parse("test.diff", diff).get(0);
        assertEquals("p/X.java", p.path());
        assertEquals(2, p.hunks().size());
        assertEquals("A\nb\nc\nd\ne\nf\ng\nh\nj\n", p.apply(ORIGINAL));
    }

    @Test
    void createsANewFileFromDevNull(@TempDir Path tree) throws IOException {
        Files.createDirectories(tree.resolve("p"));
        Files.writeString(tree.resolve("p/X.java"), ORIGINAL);
        Path diff = Files.writeString(tree.resolve("v.diff"), """
                --- a/p/X.java
                +++ b/p/X.java
                @@ -10 +10 @@
                -j
                +J
                --- /dev/null
                +++ b/q/Y.java
                @@ -0,0 +1,2 @@
                +class Y {
                +}
                """);
        UnifiedDiff.applyTo(diff, tree);
        assertEquals("class Y {\n}\n", Files.readString(tree.resolve("q/Y.java")));
        assertEquals("a\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n", Files.readString(tree.resolve("p/X.java")));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> UnifiedDiff.applyTo(diff, tree));
        assertTrue(again.getMessage().contains("p/X.java: hunk 1"), again.getMessage()); // j is J now
    }

    @Test
    void keepsAMissingNewlineAtTheEnd() {
        String diff = """
                --- a/X
                +++ b/X
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +B
                """;
        assertEquals("a\nB\n", apply(diff, "a\nb"));
        assertThrows(IllegalStateException.class, () -> apply(diff, "a\nb\n"));
    }

    @Test
    void contextThatNoLongerMatchesNamesTheDiffTheFileAndTheHunk() {
        String diff = """
                --- a/p/X.java
                +++ b/p/X.java
                @@ -1,2 +1,2 @@
                 a
                -b
                +B
                @@ -5,3 +5,3 @@
                 e
                -f
                +F
                 g
                """;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> apply(diff, ORIGINAL.replace("g\n", "G\n")));
        assertEquals("test.diff: p/X.java: hunk 2 (@@ -5,3 +5,3 @@) does not fit: at line 7 expected \"g\", found \"G\"",
                e.getMessage());
        // strict: the same hunk one line further down (an offset GNU patch would accept) does not fit either
        IllegalStateException moved = assertThrows(IllegalStateException.class, () -> apply(diff, "x\n" + ORIGINAL));
        assertTrue(moved.getMessage().contains("hunk 1 (@@ -1,2 +1,2 @@) does not fit: at line 1 expected \"a\""),
                moved.getMessage());
    }

    @Test
    void aHunkShorterThanItsHeaderIsRejected() {
        String diff = """
                --- a/p/X.java
                +++ b/p/X.java
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                """;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UnifiedDiff.parse("v.diff", diff));
        assertTrue(e.getMessage().startsWith("v.diff: p/X.java: hunk 1 (@@ -1,3 +1,3 @@): 1 old and 1 new lines"),
                e.getMessage());
        assertFalse(UnifiedDiff.parse("v.diff", "not a diff\n").iterator().hasNext());
    }
}
