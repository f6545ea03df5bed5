package org.gradlab.ui.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;

/**
 * The exercises of a workspace's exercises/ folder as their manifests say: which exercise owns a
 * package (a selected class is checked with its exercise), where a student class lives. A folder
 * whose manifest cannot be read is left out here; the check itself reports it.
 */
public final class ExerciseIndex {
    private final Map<String, ExerciseManifest> byFolder;

    private ExerciseIndex(Map<String, ExerciseManifest> byFolder) {
        this.byFolder = byFolder;
    }

    public static ExerciseIndex empty() {
        return new ExerciseIndex(Map.of());
    }

    /** Reads every {@code exercises/<id>/exercise.json}; an absent folder gives an empty index. */
    public static ExerciseIndex read(Path exercisesDir) {
        Map<String, ExerciseManifest> out = new LinkedHashMap<>();
        if (Files.isDirectory(exercisesDir)) {
            try {
                for (Path dir : SelfCheckRunner.exercises(exercisesDir)) {
                    try {
                        out.put(dir.getFileName().toString(), ExerciseManifest.read(dir));
                    } catch (IOException | RuntimeException e) {
                        // reported by the check run, which reads the same manifest
                    }
                }
            } catch (IOException e) {
                // an unreadable folder: an empty index, the check run says why
            }
        }
        return new ExerciseIndex(out);
    }

    /** The exercise ids (folder names), in course order. */
    public List<String> ids() {
        return new ArrayList<>(byFolder.keySet());
    }

    public boolean contains(String id) {
        return byFolder.containsKey(id);
    }

    public Optional<ExerciseManifest> manifest(String id) {
        return Optional.ofNullable(byFolder.get(id));
    }

    /** The first exercise (in course order) whose student classes are in {@code packageName}. */
    public Optional<String> ownerOfPackage(String packageName) {
        return byFolder.entrySet().stream().filter(e -> e.getValue().packages().contains(packageName))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The exercise that names {@code className} (fully qualified) among the classes to implement. */
    public Optional<String> ownerOfClass(String className) {
        return byFolder.entrySet().stream().filter(e -> e.getValue().classNames().contains(className))
                .map(Map.Entry::getKey).findFirst();
    }
}
