package org.gradlab.grader.compile;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gradlab.core.Layer;

/**
 * Where the student API (the core bundle) is on disk, to compile submissions against it, and the
 * class loader student classes run in: its parent sees only the core bundle, never the engine.
 */
public final class StudentApi {
    /** System property naming the student API jar(s), set by the launcher; searched for otherwise. */
    public static final String PROPERTY = "gradlab.student.api";

    private StudentApi() {
    }

    public static List<Path> locate() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return java.util.Arrays.stream(prop.split(java.io.File.pathSeparator)).map(Path::of).toList();
        }
        try {
            var source = Layer.class.getProtectionDomain().getCodeSource();
            if (source != null && "file".equals(source.getLocation().getProtocol())) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.exists(p)) {
                    return List.of(p);
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // fall through to the search
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path c : List.of(dir.resolve("bundles/org.gradlab.core/target/classes"),
                    dir.resolve("org.gradlab.core/target/classes"))) {
                if (Files.isDirectory(c.resolve("org/gradlab/core"))) {
                    return List.of(c);
                }
            }
        }
        throw new IllegalStateException("cannot find the student API (org.gradlab.core classes); set -D" + PROPERTY);
    }

    /** A loader for compiled student classes whose parent is the core bundle's loader. */
    public static URLClassLoader studentLoader(Path classes) {
        try {
            return new URLClassLoader("student", new URL[] {classes.toUri().toURL()}, Layer.class.getClassLoader());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
