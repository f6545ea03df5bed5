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
                // a jar, or a class folder that really holds the classes (not a bundle's root folder)
                if (Files.isRegularFile(p) || Files.isRegularFile(p.resolve("org/gradlab/core/Layer.class"))) {
                    return List.of(coreOnly(p));
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException | java.io.IOException ignored) {
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

    private static volatile Path coreCopy;

    /**
     * The location itself when it holds only the core bundle (its jar, its class folder); a folder
     * shared by every bundle (a flat classpath: quicktest, an IDE) would let submissions compile
     * against the engine and the grader, so they get a copy of just {@code org/gradlab/core}.
     */
    private static Path coreOnly(Path location) throws java.io.IOException {
        Path gradlab = location.resolve("org/gradlab");
        if (!Files.isDirectory(gradlab)) {
            return location;
        }
        try (var s = Files.list(gradlab)) {
            if (s.allMatch(p -> p.getFileName().toString().equals("core"))) {
                return location;
            }
        }
        synchronized (StudentApi.class) {
            if (coreCopy == null) {
                Path copy = Files.createTempDirectory("gradlab-student-api-");
                for (Path dir : List.of(copy, copy.resolve("org"), copy.resolve("org/gradlab"))) {
                    Files.createDirectories(dir);
                    dir.toFile().deleteOnExit();   // registered before their contents: deleted after them
                }
                try (var files = Files.walk(gradlab.resolve("core"))) {
                    for (Path f : files.toList()) {
                        Path to = copy.resolve(location.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.createDirectories(to.getParent());
                            Files.copy(f, to);
                        }
                        to.toFile().deleteOnExit();
                    }
                }
                coreCopy = copy;
            }
            return coreCopy;
        }
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
