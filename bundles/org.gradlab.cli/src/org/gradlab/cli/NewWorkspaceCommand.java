package org.gradlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.gradlab.check.NumericGradient;
import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.gradlab.core.Tensor;
import org.gradlab.grader.course.CourseSources;

/**
 * {@code gradlab new-workspace DIR}: a fresh student workspace — every exercise's stubs merged into
 * DIR/src, each exercise's task text, exercise.json and public vectors under DIR/exercises/&lt;id&gt;,
 * the student API jars (core and check) in DIR/lib, and DIR/README.md on how to start. Never
 * solutions, variants, the reference engine or the grader. Refuses a folder that is not empty.
 */
public final class NewWorkspaceCommand {
    /** System property naming the student API jars (core and check), as set by a launcher. */
    static final String JARS_PROPERTY = "gradlab.student.jars";

    static final String USAGE = """
            usage: gradlab new-workspace DIR
              lays out a fresh student workspace in DIR (a new or empty folder): src/ with every exercise's
              stubs, exercises/<id>/ with the task text, exercise.json and public test vectors, lib/ with the
              student API jars, README.md on how to start""";

    private NewWorkspaceCommand() {
    }

    /** The bundles whose jars a student compiles and self-checks against, and a class each holds. */
    private record StudentLibrary(String bundle, String packagePath, Class<?> probe) {
    }

    private static final List<StudentLibrary> LIBRARIES = List.of(
            new StudentLibrary("org.gradlab.core", "org/gradlab/core/", Tensor.class),
            new StudentLibrary("org.gradlab.check", "org/gradlab/check/", NumericGradient.class));

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("gradlab new-workspace: expected one folder");
            err.println(USAGE);
            return 2;
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
                err.println("gradlab new-workspace: " + dir + (Files.isDirectory(dir) ? " is not empty" : " is a file")
                        + "; choose a new or empty folder (nothing was written)");
                return 2;
            }
            CourseSources course;
            try {
                course = CourseSources.find();
            } catch (IllegalStateException e) {
                err.println("gradlab new-workspace: " + e.getMessage());
                return 2;
            }
            List<ExerciseManifest> exercises = create(course, dir);
            out.println("new workspace in " + dir + ": " + exercises.size() + " exercises, stubs in src/, task texts"
                    + " and public test vectors in exercises/, the student API in lib/");
            out.println("start with " + dir.resolve("README.md") + "; check your work with: gradlab check " + dir);
            return 0;
        } catch (IOException e) {
            err.println("gradlab new-workspace: " + e.getMessage());
            return 1;
        }
    }

    /** Lays out the workspace; returns the exercises it holds, in course order. */
    static List<ExerciseManifest> create(CourseSources course, Path dir) throws IOException {
        List<ExerciseManifest> manifests = new ArrayList<>();
        Files.createDirectories(dir.resolve("src"));
        for (Path exercise : SelfCheckRunner.exercises(course.exercises())) {
            ExerciseManifest m = ExerciseManifest.read(exercise);
            manifests.add(m);
            copyNew(exercise.resolve("src"), dir.resolve("src"));
            Path target = Files.createDirectories(dir.resolve("exercises").resolve(exercise.getFileName().toString()));
            Files.copy(exercise.resolve(ExerciseManifest.FILE), target.resolve(ExerciseManifest.FILE));
            if (Files.isRegularFile(exercise.resolve("README.md"))) {
                Files.copy(exercise.resolve("README.md"), target.resolve("README.md"));
            }
            if (Files.isDirectory(exercise.resolve("vectors"))) {
                copyNew(exercise.resolve("vectors"), target.resolve("vectors"));
            }
        }
        Path lib = Files.createDirectories(dir.resolve("lib"));
        for (StudentLibrary l : LIBRARIES) {
            library(l, course, lib.resolve(l.bundle + ".jar"));
        }
        Files.writeString(dir.resolve("README.md"), readme(manifests), StandardCharsets.UTF_8);
        return manifests;
    }

    /** Copies a tree; two exercises never ship the same file, so an existing file is a course bug. */
    private static void copyNew(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.exists(target)) {
                    throw new IOException("two exercises ship " + from.relativize(f) + " (course bug)");
                }
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    // ---------------------------------------------------------------- the student API jars

    /**
     * Writes a bundle's jar to {@code target}: the jar named by -Dgradlab.student.jars, else the jar
     * the running CLI loaded it from (the launcher's bundles/&lt;b&gt;/target jar), else a jar made from
     * the bundle's packages in the class folder it was loaded from (IDE, quicktest), else the built
     * jar in bundles/&lt;b&gt;/target (not -sources).
     */
    private static void library(StudentLibrary l, CourseSources course, Path target) throws IOException {
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
        if (source != null && Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        for (Path classes : source == null ? List.<Path>of() : List.of(source, source.resolve("target/classes"))) {
            if (Files.isDirectory(classes.resolve(l.packagePath))) {
                jarOf(classes, l.packagePath, target);
                return;
            }
        }
        Path built = builtJar(course.root().resolve("bundles").resolve(l.bundle).resolve("target"), l.bundle);
        if (built == null) {
            throw new IOException("cannot find the " + l.bundle + " jar; build it with ./gradlab build, or set -D"
                    + JARS_PROPERTY);
        }
        Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path codeSource(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            if (source != null && "file".equals(source.getLocation().getProtocol())) {
                return Path.of(source.getLocation().toURI());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // no usable location
        }
        return null;
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

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    // ---------------------------------------------------------------- README

    static String readme(List<ExerciseManifest> exercises) {
        StringBuilder table = new StringBuilder();
        for (ExerciseManifest m : exercises) {
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s |%n", m.id(), m.title(),
                    m.points() == Math.rint(m.points()) ? String.valueOf((long) m.points())
                            : String.valueOf(m.points()),
                    String.join(", ", m.classNames().stream().map(c -> "`" + c + "`").toList())));
        }
        return """
                # Your GradLab workspace

                You write the `forward` and `backward` of neural-network layers, the `step` of optimizers and
                the backward of a scalar autodiff engine, in plain Java, from first principles.

                | folder | what is in it |
                | --- | --- |
                | `src/` | your code: one package per exercise. Every method you have to write still throws `UnsupportedOperationException("TODO: …")`; the rest (fields, constructors, helpers marked *Given*) is done. |
                | `exercises/<id>/` | each exercise's task text (`README.md`, where there is one), `exercise.json` (what to implement, points, what it builds on) and `vectors/public.json`: public test vectors whose numbers come from PyTorch |
                | `lib/` | the student API: `org.gradlab.core.jar` (`Tensor`, `Layer`, `Loss`, `Optimizer`, `Parameter`, …) and `org.gradlab.check.jar` (gradient checking and the self-check) |

                ## How to start

                1. Open this folder in your IDE as a Java 21 project with source folder `src/` and the two jars
                   of `lib/` on the classpath — or compile on the command line:
                   `javac --release 21 -cp 'lib/*' -d out $(find src -name '*.java')`.
                2. Pick an exercise below, read its `exercises/<id>/exercise.json` (and task text), and replace
                   the `TODO`s of its classes.
                3. Check your work — it compiles `src/` and runs each exercise's public vectors and numeric
                   gradient checks against your classes (from a GradLab checkout: `./gradlab check DIR`):

                       gradlab check .                          # every exercise, in this folder
                       gradlab check . --exercise 03-activations

                   Each class gets ✓ (passes), ✗ (with the failing case, the tensor, the worst element and,
                   when it looks like a known mistake, a diagnosis) or ○ (not started). An exercise you have
                   not touched says "not started"; the exit status is 0 when every exercise you started passes.
                   Your grade comes from hidden randomized cases: passing the public ones is necessary, not
                   sufficient.

                ## Exercises

                | exercise | title | points | classes |
                | --- | --- | --- | --- |
                """ + table;
    }
}
