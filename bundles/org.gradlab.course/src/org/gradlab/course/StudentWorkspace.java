package org.gradlab.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.course.Course.Exercise;

/**
 * Lays out a fresh student workspace — what {@code gradlab new-workspace DIR} and the IDE's
 * new-project wizard give a student: every exercise's stubs merged into {@code src/}, each
 * exercise's task text, exercise.json and public vectors under {@code exercises/<id>/}, the student
 * API jars in {@code lib/} (when given), and {@code README.md} on how to start. Only what a
 * {@link Course} holds, so never solutions, variants, the reference engine or the grader.
 */
public final class StudentWorkspace {

    /** The folder for a new workspace exists and is not empty (or is a file): nothing was written. */
    public static final class FolderInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        FolderInUseException(Path dir, boolean isFile) {
            super(dir + (isFile ? " is a file" : " is not empty") + "; choose a new or empty folder (nothing was written)");
        }
    }

    private StudentWorkspace() {
    }

    /**
     * Refuses a folder that holds anything: a workspace is laid out from scratch so that none of a
     * student's own files is ever overwritten.
     */
    public static void requireNewOrEmpty(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FolderInUseException(dir, true);
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new FolderInUseException(dir, false);
                }
            }
        }
    }

    /**
     * Lays out the workspace in {@code dir} (created if missing).
     *
     * @param apiJars the student API jars, copied into {@code lib/} under their own file names; empty
     *        when the IDE supplies the API on the classpath instead (then there is no lib/ and the
     *        README says so)
     * @return the exercises it holds, in course order
     * @throws FolderInUseException when dir exists and is not an empty folder (nothing is written)
     */
    public static List<Exercise> create(Course course, Path dir, List<Path> apiJars) throws IOException {
        requireNewOrEmpty(dir);
        Files.createDirectories(dir.resolve("src"));
        for (Exercise e : course.exercises()) {
            copyNew(e.stubs(), dir.resolve("src"));
            Path target = Files.createDirectories(dir.resolve("exercises").resolve(e.id()));
            Files.copy(e.folder().resolve(ExerciseManifest.FILE), target.resolve(ExerciseManifest.FILE));
            if (Files.isRegularFile(e.taskText())) {
                Files.copy(e.taskText(), target.resolve(Course.README));
            }
            copyNew(e.folder().resolve("vectors"), target.resolve("vectors"));
        }
        if (!apiJars.isEmpty()) {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            for (Path jar : apiJars) {
                Files.copy(jar, lib.resolve(jar.getFileName().toString()));
            }
        }
        Files.writeString(dir.resolve(Course.README), readme(course.exercises(), !apiJars.isEmpty()),
                StandardCharsets.UTF_8);
        return course.exercises();
    }

    /** Copies a tree; two exercises never ship the same file, so an existing file is a course bug. */
    private static void copyNew(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                // by name, not Path: the course may live in a jar's file system
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.exists(target)) {
                    throw new IOException("two exercises ship " + from.relativize(f) + " (course bug)");
                }
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    // ---------------------------------------------------------------- README

    /**
     * The workspace's README: what is where, how to start, the exercises. {@code withLib}: the API
     * jars are in lib/ (a command-line workspace) rather than on the IDE project's classpath.
     */
    static String readme(List<Exercise> exercises, boolean withLib) {
        StringBuilder table = new StringBuilder();
        for (Exercise e : exercises) {
            ExerciseManifest m = e.manifest();
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
                """ + (withLib ? LIB_ROW + HOW_TO_START_WITH_LIB : HOW_TO_START_IN_IDE) + """

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

    private static final String LIB_ROW = """
            | `lib/` | the student API: `org.gradlab.core.jar` (`Tensor`, `Layer`, `Loss`, `Optimizer`, `Parameter`, …) and `org.gradlab.check.jar` (gradient checking and the self-check) |
            """;

    private static final String HOW_TO_START_WITH_LIB = """

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
            """;

    private static final String HOW_TO_START_IN_IDE = """

            The student API — `org.gradlab.core` (`Tensor`, `Layer`, `Loss`, `Optimizer`, `Parameter`, …) and
            `org.gradlab.check` (gradient checking and the self-check) — is on this project's classpath as
            "GradLab Student API".

            ## How to start

            1. Pick an exercise below, read its task text (`exercises/<id>/README.md`) and
               `exercise.json`, and replace the `TODO`s of its classes in `src/`.
            2. Check your work: GradLab's Check (toolbar, or the context menu of the project, an exercise
               or a class) compiles `src/` and runs each exercise's public vectors and numeric gradient
               checks against your classes; outside the IDE, `gradlab check DIR` does the same.
            """;
}
