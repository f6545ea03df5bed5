package org.gradlab.ui.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.ui.project.GradLabProjects;

/**
 * The exercises of a project's exercises/ folder (the course's {@code Course}) asked the questions
 * Check has: which exercise owns a package or a class (a selected class is checked with its
 * exercise). A folder whose manifest cannot be read is left out here; the check itself reports it.
 */
public final class ExerciseIndex {
    private final Map<String, ExerciseManifest> byFolder;

    private ExerciseIndex(Map<String, ExerciseManifest> byFolder) {
        this.byFolder = byFolder;
    }

    /** The exercises of a GradLab project's exercises/ folder; empty when it has none or cannot be read. */
    public static ExerciseIndex of(IProject project) {
        Map<String, ExerciseManifest> out = new LinkedHashMap<>();
        try {
            GradLabProjects.exercises(project).exercises().forEach(e -> out.put(e.id(), e.manifest()));
        } catch (IOException | RuntimeException e) {
            // no or an unreadable exercises/ folder: an empty index; the check says why
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
