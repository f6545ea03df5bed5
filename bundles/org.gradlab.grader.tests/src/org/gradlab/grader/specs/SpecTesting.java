package org.gradlab.grader.specs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gradlab.grader.course.CourseSources;
import org.gradlab.grader.spec.StudentCode;

/**
 * Compiles the course's student-form sources (stubs, solutions, known-wrong variants, loop-style
 * solutions) with the grader's own compiler, so spec tests judge exactly what students would hand in.
 * The layout and the compiling are {@link CourseSources}'s (shared with {@code gradlab validate});
 * this adds a cache, since several tests compile the same sources.
 */
public final class SpecTesting {
    private static final Map<String, StudentCode> CACHE = new ConcurrentHashMap<>();

    private SpecTesting() {
    }

    private static CourseSources course() {
        return CourseSources.find();
    }

    /** The repository root: the first folder upward holding both exercises/ and bundles/. */
    public static Path root() {
        return course().root();
    }

    public static StudentCode compileSolution(String id) {
        return compiled("solution:" + id, course().solution(id));
    }

    public static StudentCode compileStubs(String id) {
        return compiled("stubs:" + id, course().stubs(id));
    }

    /** The solution with a variant's files laid over it. */
    public static StudentCode compileVariant(String id, String variant) {
        return compiled("variant:" + id + "/" + variant, course().variant(id, variant));
    }

    public static boolean hasLoopStyle(String id) {
        return course().hasLoopStyle(id);
    }

    /** The solution with the loop-style diff applied to it. */
    public static StudentCode compileLoopStyle(String id) {
        return compiled("loop:" + id, course().loopStyle(id));
    }

    /** Names of the known-wrong variants of an exercise. */
    public static List<String> variants(String id) {
        return course().variants(id);
    }

    /** The lines of a variant's EXPECT file ("fail …", "diagnosis …"). */
    public static List<String> expectations(String id, String variant) {
        return course().expectations(id, variant);
    }

    private static StudentCode compiled(String key, List<Path> layers) {
        return CACHE.computeIfAbsent(key, k -> {
            try {
                return CourseSources.compile(layers, Files.createTempDirectory("gradlab-spec-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
