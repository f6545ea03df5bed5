package org.gradlab.ui.check;

import java.util.List;

import org.eclipse.core.resources.IProject;

/**
 * What one Check run covers: a project and the exercises to check in it, in order; an empty
 * list means every exercise of the project.
 */
public record CheckTarget(IProject project, List<String> exercises) {
    public CheckTarget {
        exercises = List.copyOf(exercises);
    }

    public static CheckTarget all(IProject project) {
        return new CheckTarget(project, List.of());
    }

    public static CheckTarget of(IProject project, String exercise) {
        return new CheckTarget(project, List.of(exercise));
    }

    public boolean everything() {
        return exercises.isEmpty();
    }

    /** "gradlab-ws", "gradlab-ws: 03-activations", "gradlab-ws: 2 exercises". */
    public String label() {
        if (everything()) {
            return project.getName();
        }
        return project.getName() + ": " + (exercises.size() == 1 ? exercises.get(0) : exercises.size() + " exercises");
    }
}
