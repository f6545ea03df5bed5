package org.gradlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.gradlab.check.NumericGradient;
import org.gradlab.check.run.ApiClasspath;
import org.gradlab.core.Tensor;

/**
 * The student API jars (core and check) of the running command line, as a new workspace's lib/
 * gets them: {@code org.gradlab.core.jar} and {@code org.gradlab.check.jar}. Where they come from
 * depends on how the CLI was started (launcher, IDE, quicktest), hence this search.
 */
final class StudentApiJars {
    /** System property naming the student API jars (core and check), as set by a launcher. */
    static final String JARS_PROPERTY = "gradlab.student.jars";

    /** The bundles whose jars a student compiles and self-checks against, and a class each holds. */
    private record StudentLibrary(String bundle, String packagePath, Class<?> probe) {
    }

    private static final List<StudentLibrary> LIBRARIES = List.of(
            new StudentLibrary("org.gradlab.core", "org/gradlab/core/", Tensor.class),
            new StudentLibrary("org.gradlab.check", "org/gradlab/check/", NumericGradient.class));

    private StudentApiJars() {
    }

    /**
     * Writes {@code <bundle>.jar} for each student library into {@code dir}; returns them.
     *
     * @param checkout the GradLab checkout (for its built jars as the last resort), or null
     */
    static List<Path> write(Path dir, Path checkout) throws IOException {
        List<Path> out = new ArrayList<>();
        for (StudentLibrary l : LIBRARIES) {
            Path jar = dir.resolve(l.bundle + ".jar");
            library(l, checkout, jar);
            out.add(jar);
        }
        return out;
    }

    /**
     * Writes a bundle's jar to {@code target}: the jar named by -Dgradlab.student.jars, else the jar
     * the running CLI loaded it from (the launcher's bundles/&lt;b&gt;/target jar), else a jar made from
     * the bundle's packages in the class folder it was loaded from (IDE, quicktest), else the built
     * jar in bundles/&lt;b&gt;/target (not -sources).
     */
    private static void library(StudentLibrary l, Path checkout, Path target) throws IOException {
        String prop = System.getProperty(JARS_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            for (String p : prop.split(java.io.File.pathSeparator)) {
                Path jar = Path.of(p);
                if (jar.getFileName().toString().startsWith(l.bundle) && Files.isRegularFile(jar)) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        Path source = codeSource(l.probe);
        if (source != null && Files.isRegularFile(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (source != null && Files.isDirectory(source.resolve(l.packagePath))) {
            jarOf(source, l.packagePath, target);
            return;
        }
        Path built = checkout == null ? null
                : builtJar(checkout.resolve("bundles").resolve(l.bundle).resolve("target"), l.bundle);
        if (built == null) {
            throw new IOException("cannot find the " + l.bundle + " jar; build it with ./gradlab build, or set -D"
                    + JARS_PROPERTY);
        }
        Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The jar or class folder the class was loaded from (the check bundle's one lookup), or null. */
    private static Path codeSource(Class<?> c) {
        try {
            return ApiClasspath.of(c).get(0);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Path builtJar(Path targetDir, String bundle) throws IOException {
        if (!Files.isDirectory(targetDir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(targetDir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(bundle + "-") && n.endsWith(".jar") && !n.endsWith("-sources.jar");
            }).sorted().findFirst().orElse(null);
        }
    }

    /** A jar of the classes under {@code packagePath} of a class folder (a flat classpath holds every bundle). */
    private static void jarOf(Path classes, String packagePath, Path target) throws IOException {
        try (OutputStream o = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(o);
                Stream<Path> s = Files.walk(classes.resolve(packagePath))) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }
}
