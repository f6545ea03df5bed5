package org.gradlab.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Assembles a source tree from layers, later layers winning: the course's stubs, then a solution's
 * files, then a variant (a {@link #VARIANT_DIFF}) or the loop-style solution (a {@link #LOOP_STYLE_DIFF}), each
 * a diff applied strictly to what lies below. The grader, the self-check tests and the example-submission test
 * share it.
 */
public final class SourceLayers {
    /** The file of a variant folder holding its change to the solution, as a unified diff. */
    public static final String VARIANT_DIFF = "variant.diff";
    /** The file of a loop-style folder holding its change to the solution, as a unified diff. */
    public static final String LOOP_STYLE_DIFF = "loop-style.diff";

    private SourceLayers() {
    }

    /** Whether {@code file} is a layer's diff (a {@link #VARIANT_DIFF} or {@link #LOOP_STYLE_DIFF}). */
    public static boolean isDiff(Path file) {
        return file.endsWith(VARIANT_DIFF) || file.endsWith(LOOP_STYLE_DIFF);
    }

    /**
     * Copies every .java file of {@code from} to the same relative path under {@code to}, replacing;
     * then applies {@code from}'s {@link #VARIANT_DIFF} or {@link #LOOP_STYLE_DIFF}, if any, to what the
     * earlier layers laid in {@code to}: a hunk that no longer fits fails naming the diff.
     */
    public static void overlay(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : List.of(VARIANT_DIFF, LOOP_STYLE_DIFF)) {
            Path diff = from.resolve(name);
            if (Files.isRegularFile(diff)) {
                UnifiedDiff.applyTo(diff, to);
            }
        }
    }
}
