package org.gradlab.ui.check;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IPath;

/**
 * What makes a workspace project a GradLab exercise project: the layout of
 * {@code gradlab new-workspace} at its root (src/ with the stubs, exercises/ with one folder per
 * exercise). Asked of the folders rather than of the project nature so that a student's copy of a
 * workspace imported by hand still checks; the one place to change should the nature become the rule.
 */
public final class GradLabProjects {
    public static final String SRC = "src";
    public static final String EXERCISES = "exercises";

    private GradLabProjects() {
    }

    public static boolean isGradLab(IProject project) {
        return project != null && project.isAccessible() && exercises(project).exists();
    }

    public static IFolder exercises(IProject project) {
        return project.getFolder(EXERCISES);
    }

    public static IFolder src(IProject project) {
        return project.getFolder(SRC);
    }

    /** The manifests under the project's exercises/ (empty when it has none). */
    public static ExerciseIndex index(IProject project) {
        IPath location = exercises(project).getLocation();
        return location == null ? ExerciseIndex.empty() : ExerciseIndex.read(location.toPath());
    }
}
