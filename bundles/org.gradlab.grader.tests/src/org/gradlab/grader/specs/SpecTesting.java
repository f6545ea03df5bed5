package org.gradlab.grader.specs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.gradlab.grader.compile.CompileResult;
import org.gradlab.grader.compile.StudentApi;
import org.gradlab.grader.compile.SubmissionCompiler;
import org.gradlab.grader.spec.StudentCode;

/**
 * Compiles the course's student-form sources (stubs, solutions, known-wrong variants, loop-style
 * solutions) with the grader's own compiler, so spec tests judge exactly what students would hand in.
 */
public final class SpecTesting {
    private static final Map<String, StudentCode> CACHE = new ConcurrentHashMap<>();

    private SpecTesting() {
    }

    /** The repository root: the first folder upward holding both exercises/ and bundles/. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("exercises")) && Files.isDirectory(dir.resolve("bundles"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no exercises/ folder above " + Path.of("").toAbsolutePath());
    }

    public static StudentCode compileSolution(String id) {
        return compiled("solution:" + id, List.of(root().resolve("exercises/solutions/" + id + "/src")));
    }

    public static StudentCode compileStubs(String id) {
        return compiled("stubs:" + id, List.of(root().resolve("exercises/" + id + "/src")));
    }

    /** The solution with a variant's files laid over it. */
    public static StudentCode compileVariant(String id, String variant) {
        Path base = root().resolve("exercises/solutions/" + id);
        return compiled("variant:" + id + "/" + variant, List.of(base.resolve("src"), base.resolve("variants/" + variant)));
    }

    /** The solution with the loop-style files laid over it. */
    public static StudentCode compileLoopStyle(String id) {
        Path base = root().resolve("exercises/solutions/" + id);
        return compiled("loop:" + id, List.of(base.resolve("src"), base.resolve("loop-style")));
    }

    /** Names of the known-wrong variants of an exercise. */
    public static List<String> variants(String id) {
        Path dir = root().resolve("exercises/solutions/" + id + "/variants");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a variant's EXPECT file ("fail …", "diagnosis …"). */
    public static List<String> expectations(String id, String variant) {
        Path f = root().resolve("exercises/solutions/" + id + "/variants/" + variant + "/EXPECT");
        try {
            return Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StudentCode compiled(String key, List<Path> layers) {
        return CACHE.computeIfAbsent(key, k -> {
            try {
                Path src = Files.createTempDirectory("gradlab-src");
                for (Path layer : layers) {
                    overlay(layer, src);
                }
                Path classes = Files.createTempDirectory("gradlab-classes");
                CompileResult r = new SubmissionCompiler(StudentApi.locate()).compile(src, classes);
                if (r.hasErrors()) {
                    throw new IllegalStateException(key + " does not compile:\n" + String.join("\n",
                            r.diagnostics().stream().map(Object::toString).toList()));
                }
                return new StudentCode(StudentApi.studentLoader(classes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void overlay(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
