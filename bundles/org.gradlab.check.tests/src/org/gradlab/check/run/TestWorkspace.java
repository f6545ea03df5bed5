package org.gradlab.check.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.gradlab.check.SourceLayers;
import org.gradlab.check.selfcheck.CourseClasses;
import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;
import org.gradlab.core.Tensor;

/**
 * A student workspace as {@code gradlab new-workspace} lays it out (every exercise's stubs merged
 * in src/, each exercise's manifest, task text and vectors in exercises/), made from the repo's
 * course, with solutions, variants and edits laid over it and compiled by the JDK's compiler into
 * bin/ — what JDT hands the IDE's check.
 */
final class TestWorkspace {
    final Path dir;

    private TestWorkspace(Path dir) {
        this.dir = dir;
    }

    static TestWorkspace create(Path dir) throws IOException {
        Path course = CourseClasses.root().resolve("exercises");
        for (Path exercise : SelfCheckRunner.exercises(course)) {
            SourceLayers.overlay(exercise.resolve("src"), dir.resolve("src"));
            Path target = Files.createDirectories(dir.resolve("exercises").resolve(exercise.getFileName().toString()));
            Files.copy(exercise.resolve(ExerciseManifest.FILE), target.resolve(ExerciseManifest.FILE));
            Files.copy(exercise.resolve("README.md"), target.resolve("README.md"));
            if (Files.isDirectory(exercise.resolve("vectors"))) {
                try (Stream<Path> s = Files.walk(exercise.resolve("vectors"))) {
                    for (Path f : s.filter(Files::isRegularFile).toList()) {
                        Path to = target.resolve("vectors").resolve(exercise.resolve("vectors").relativize(f)
                                .toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        }
        return new TestWorkspace(dir);
    }

    /** The course's solution of {@code id} over the sources. */
    TestWorkspace solve(String id) throws IOException {
        SourceLayers.overlay(CourseClasses.root().resolve("exercises/solutions").resolve(id).resolve("src"),
                dir.resolve("src"));
        return this;
    }

    /** One of the course's known-wrong variants of a solution (solve first). */
    TestWorkspace variant(String id, String variant) throws IOException {
        SourceLayers.overlay(CourseClasses.root().resolve("exercises/solutions").resolve(id).resolve("variants")
                .resolve(variant), dir.resolve("src"));
        return this;
    }

    /** Edits src/{@code file}; fails when the edit changed nothing (the course moved on). */
    TestWorkspace edit(String file, UnaryOperator<String> change) throws IOException {
        Path f = dir.resolve("src").resolve(file);
        String before = Files.readString(f);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException("the edit of " + f + " changed nothing");
        }
        Files.writeString(f, after);
        return this;
    }

    /** Compiles src/ into bin/ against the student API, as JDT would. */
    Path compile() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-nowarn", "-g", "-cp",
                ApiClasspath.of(Tensor.class).get(0).toString(), "-d", bin.toString()));
        try (Stream<Path> s = Files.walk(dir.resolve("src"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = javac.run(null, log, log, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("the workspace does not compile (javac exit " + rc + "):\n" + log);
        }
        return bin;
    }
}
