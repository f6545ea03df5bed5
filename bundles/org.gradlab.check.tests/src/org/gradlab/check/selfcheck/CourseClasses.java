package org.gradlab.check.selfcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.gradlab.check.SourceLayers;
import org.gradlab.core.Layer;

/**
 * The course's student-form sources (stubs, solutions, variants) compiled for the self-check's
 * tests with the JDK's compiler against the core classes — the check bundle has no grader, and the
 * self-check must not need one. Student classes get a loader whose parent sees the core classes.
 */
public final class CourseClasses {
    private static final Map<String, ClassLoader> CACHE = new ConcurrentHashMap<>();

    private CourseClasses() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("exercises")) && Files.isDirectory(dir.resolve("bundles"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no exercises/ folder above " + Path.of("").toAbsolutePath());
    }

    static Path exercise(String id) {
        return root().resolve("exercises").resolve(id);
    }

    static ClassLoader stubs(String id) {
        return compiled("stubs:" + id, layers(id, exercise(id).resolve("src")), Map.of());
    }

    static ClassLoader solution(String id) {
        return compiled("solution:" + id, layers(id, solutionTree(id)), Map.of());
    }

    static ClassLoader variant(String id, String variant) {
        return compiled("variant:" + id + "/" + variant, layers(id, solutionTree(id,
                solutionDir(id).resolve("variants").resolve(variant))), Map.of());
    }

    /** The solutions of the exercises {@code id} builds on (a later exercise may use their classes), then its own. */
    static List<Path> layers(String id, Path... own) {
        List<Path> out = new ArrayList<>();
        try {
            for (String before : ExerciseManifest.read(exercise(id)).buildsOn()) {
                out.addAll(List.of(solutionTree(before)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.addAll(List.of(own));
        return out;
    }

    /** Source layers (later ones replace files of earlier ones) plus extra files given as text. */
    static ClassLoader compiled(String key, List<Path> layers, Map<String, String> extra) {
        return CACHE.computeIfAbsent(key + extra.hashCode(), k -> compile(layers, extra));
    }

    private static Path solutionDir(String id) {
        return root().resolve("exercises/solutions").resolve(id);
    }

    /** A solution: the stubs (the given classes live only there), the solution's own files over them, then {@code over}. */
    private static Path[] solutionTree(String id, Path... over) {
        List<Path> out = new ArrayList<>(List.of(exercise(id).resolve("src"), solutionDir(id).resolve("src")));
        out.addAll(List.of(over));
        return out.toArray(Path[]::new);
    }

    private static ClassLoader compile(List<Path> layers, Map<String, String> extra) {
        try {
            Path src = Files.createTempDirectory("gradlab-selfcheck-src");
            for (Path layer : layers) {
                SourceLayers.overlay(layer, src);
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                Path to = src.resolve(e.getKey());
                Files.createDirectories(to.getParent());
                Files.writeString(to, e.getValue());
            }
            Path classes = Files.createTempDirectory("gradlab-selfcheck-classes");
            List<String> args = new ArrayList<>(List.of("--release", "21", "-nowarn", "-g", "-cp",
                    coreClasses().toString(), "-d", classes.toString()));
            try (Stream<Path> s = Files.walk(src)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int rc = javac.run(null, log, log, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("sources do not compile (javac exit " + rc + "):\n" + log);
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Layer.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder or jar the core classes were loaded from, else the build's class folder. */
    private static Path coreClasses() throws MalformedURLException {
        try {
            var source = Layer.class.getProtectionDomain().getCodeSource();
            if (source != null && "file".equals(source.getLocation().getProtocol())) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p) || Files.isRegularFile(p.resolve("org/gradlab/core/Layer.class"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException ignored) {
            // fall back to the build folder
        }
        return root().resolve("bundles/org.gradlab.core/target/classes");
    }
}
