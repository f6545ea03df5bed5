package org.gradlab.grader.run;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gradlab.check.NumericGradient;
import org.gradlab.core.Layer;
import org.gradlab.engine.nn.ReLU;
import org.gradlab.grader.spec.ExerciseSpec;

/**
 * The grading JVM's classpath: the folders or jars holding the core, check, engine and grader
 * classes plus those of the graded exercise specs (a test's own specs included). Not ECJ or ASM:
 * compiling and the policy run in the parent, so the child needs neither.
 *
 * <p>Each class is found where it was loaded from, which works the same on a plain classpath (the
 * CLI, quicktest) and under OSGi (Equinox gives bundle classes a {@code file:} code source for
 * jars and class folders). When a code source is missing or does not hold the class (a bundle
 * whose classes sit in {@code target/classes} below its root), the repository's
 * {@code bundles/*}{@code /target/classes} folders and then {@code java.class.path} are searched,
 * like {@code releng/quicktest.sh} assembles them.
 */
public final class ChildClasspath {
    private ChildClasspath() {
    }

    public static List<Path> locate(List<ExerciseSpec> exercises) {
        Set<Path> out = new LinkedHashSet<>();
        for (Class<?> c : List.of(Layer.class, NumericGradient.class, ReLU.class, GradingChild.class)) {
            out.add(of(c));
        }
        for (ExerciseSpec s : exercises) {
            out.add(of(s.getClass()));
        }
        return List.copyOf(out);
    }

    /** The jar or class folder a class was loaded from. */
    public static Path of(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                Path p = Path.of(source.getLocation().toURI());
                if (holds(p, resource)) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // search below
        }
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path bundles = dir.resolve("bundles");
            if (Files.isDirectory(bundles)) {
                try (Stream<Path> s = Files.list(bundles)) {
                    s.map(b -> b.resolve("target/classes")).sorted().forEach(candidates::add);
                } catch (java.io.IOException ignored) {
                    // unreadable: try the next place
                }
                break;
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                candidates.add(Path.of(e));
            }
        }
        for (Path p : candidates) {
            if (holds(p, resource)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find the class folder or jar of " + c.getName()
                + " for the grading JVM; pass GraderConfig.classpath explicitly");
    }

    private static boolean holds(Path p, String resource) {
        if (Files.isDirectory(p)) {
            return Files.isRegularFile(p.resolve(resource));
        }
        if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
            try (var jar = new java.util.jar.JarFile(p.toFile())) {
                return jar.getEntry(resource) != null;
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return false;
    }
}
