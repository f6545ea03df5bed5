package org.gradlab.check.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;

/**
 * What to check: the workspace (the folder with src/ and exercises/, e.g. an Eclipse project's
 * location), the compiled student classes (JDT's bin/), the jars or class folders of the student
 * API and the checker (see {@link ApiClasspath}), the java to start (21 or newer), the exercise
 * ids to check (empty: all; one JVM checks them all, in course order whatever the list's order),
 * the time limit per exercise, and the compile errors of the sources (the exercises they touch are
 * reported as not compiling instead of being run).
 *
 * <p>Checks itself when made: a bad request throws {@link IllegalArgumentException} saying what
 * was expected and what was found.
 */
public record CheckRequest(Path workspace, Path classesDir, List<Path> apiClasspath, Path javaExecutable,
        List<String> exercises, Duration perExerciseTimeout, List<CompileProblem> compileProblems) {

    public CheckRequest {
        require(workspace != null, "the workspace is missing (null)");
        workspace = workspace.toAbsolutePath().normalize();
        require(Files.isDirectory(workspace), workspace + " is not a folder");
        require(Files.isDirectory(workspace.resolve("exercises")), workspace
                + " is not a GradLab workspace: it has no exercises/ folder");
        require(classesDir != null, "the folder of compiled classes is missing (null)");
        classesDir = classesDir.toAbsolutePath().normalize();
        require(Files.isDirectory(classesDir), "the compiled classes folder " + classesDir
                + " does not exist (has the project been built?)");
        require(apiClasspath != null && !apiClasspath.isEmpty(), "the API classpath is empty: it needs the"
                + " org.gradlab.core and org.gradlab.check classes (see ApiClasspath)");
        apiClasspath = apiClasspath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path p : apiClasspath) {
            require(Files.exists(p), "the API classpath entry " + p + " does not exist");
        }
        require(javaExecutable != null, "the java executable is missing (null)");
        require(Files.isRegularFile(javaExecutable) && Files.isExecutable(javaExecutable), "the java executable "
                + javaExecutable + " does not exist or cannot be run");
        require(perExerciseTimeout != null && !perExerciseTimeout.isNegative() && !perExerciseTimeout.isZero(),
                "the time limit per exercise must be positive, got " + perExerciseTimeout);
        compileProblems = compileProblems == null ? List.of() : List.copyOf(compileProblems);
        exercises = exercises == null ? List.of() : List.copyOf(new LinkedHashSet<>(exercises));
        if (!exercises.isEmpty()) {
            List<String> known = ids(workspace);
            for (String id : exercises) {
                require(known.contains(id), "there is no exercise \"" + id + "\" in "
                        + workspace.resolve("exercises") + "; the exercises are " + String.join(", ", known));
            }
        }
    }

    /** All exercises of {@code workspace} with the JVM this code runs in and the default time limit. */
    public static CheckRequest of(Path workspace, Path classesDir, List<Path> apiClasspath) {
        return new CheckRequest(workspace, classesDir, apiClasspath, currentJava(), List.of(),
                SelfCheckRunner.DEFAULT_TIMEOUT, List.of());
    }

    /** The same request for the given exercises (empty: all). */
    public CheckRequest withExercises(List<String> ids) {
        return new CheckRequest(workspace, classesDir, apiClasspath, javaExecutable, ids, perExerciseTimeout,
                compileProblems);
    }

    /** The same request for one exercise (null: all). */
    public CheckRequest withExercise(String id) {
        return withExercises(id == null ? List.of() : List.of(id));
    }

    /** Whether every exercise of the workspace is asked for. */
    public boolean all() {
        return exercises.isEmpty();
    }

    /** The java executable of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    /** The exercise folders this request checks, in order. */
    public List<Path> exerciseDirs() {
        try {
            return exerciseDirs(workspace, exercises);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + workspace.resolve("exercises") + ": " + e.getMessage(),
                    e);
        }
    }

    /** The folders under {@code workspace}/exercises of the exercises {@code ids} (empty: all), in course order. */
    static List<Path> exerciseDirs(Path workspace, List<String> ids) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : SelfCheckRunner.exercises(workspace.resolve("exercises"))) {
            if (ids.isEmpty() || ids.contains(idOf(dir))) {
                out.add(dir);
            }
        }
        return out;
    }

    private static List<String> ids(Path workspace) {
        try {
            return SelfCheckRunner.exercises(workspace.resolve("exercises")).stream().map(CheckRequest::idOf)
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + workspace.resolve("exercises") + ": " + e.getMessage(),
                    e);
        }
    }

    /** The id in the exercise's manifest; its folder name when the manifest cannot be read. */
    static String idOf(Path exerciseDir) {
        try {
            return ExerciseManifest.read(exerciseDir).id();
        } catch (IOException | RuntimeException e) {
            return exerciseDir.getFileName().toString();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
