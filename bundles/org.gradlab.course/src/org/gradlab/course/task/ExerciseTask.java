package org.gradlab.course.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gradlab.check.selfcheck.ExerciseManifest;

/**
 * One exercise of a student workspace (the layout of {@code gradlab new-workspace}:
 * {@code exercises/<id>/README.md}, {@code exercises/<id>/exercise.json}, the stubs in
 * {@code src/}), read for its task page.
 */
public record ExerciseTask(Path dir, ExerciseManifest manifest, String markdown, ExerciseStubs stubs) {
    public static final String EXERCISES = "exercises";
    public static final String README = "README.md";

    /** Reads exercise {@code id} of the workspace; a clear {@link TaskNotFoundException} when it is not there. */
    public static ExerciseTask load(Path workspace, String id) throws IOException {
        Path dir = workspace.resolve(EXERCISES).resolve(id);
        if (id.isBlank() || id.contains("/") || id.contains("\\") || !Files.isDirectory(dir)) {
            List<String> there = exerciseIds(workspace);
            throw new TaskNotFoundException("No exercise \"" + id + "\" in " + workspace + ": expected the folder "
                    + EXERCISES + "/" + id + (there.isEmpty()
                            ? "; there is no exercise at all (no " + EXERCISES + "/*/" + ExerciseManifest.FILE + ")"
                            : "; the exercises there are " + String.join(", ", there)));
        }
        Path readme = dir.resolve(README);
        if (!Files.isRegularFile(readme)) {
            throw new TaskNotFoundException("Exercise " + id + " has no task text: expected " + readme);
        }
        ExerciseManifest manifest;
        try {
            manifest = ExerciseManifest.read(dir);
        } catch (IOException | RuntimeException e) {   // missing file or malformed JSON
            throw new TaskNotFoundException("Exercise " + id + ": cannot read " + dir.resolve(ExerciseManifest.FILE)
                    + ": " + e.getMessage(), e);
        }
        String markdown = Files.readString(readme, StandardCharsets.UTF_8);
        return new ExerciseTask(dir, manifest, markdown, ExerciseStubs.scan(manifest, workspace.resolve("src")));
    }

    /** The exercises of a workspace: the folders under {@code exercises/} with an exercise.json, sorted. */
    public static List<String> exerciseIds(Path workspace) throws IOException {
        Path root = workspace.resolve(EXERCISES);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(ExerciseManifest.FILE)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }
}
