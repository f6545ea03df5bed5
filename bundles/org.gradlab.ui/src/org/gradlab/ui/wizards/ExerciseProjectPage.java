package org.gradlab.ui.wizards;

import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.gradlab.ui.project.GradLabProjects;

/**
 * The platform's project name + location page, with GradLab's own rule added: the project's folder
 * must be new or empty. Problems show as the page's error message, never in a dialog.
 */
public class ExerciseProjectPage extends WizardNewProjectCreationPage {
    /** The name offered first (made unique when taken). */
    public static final String DEFAULT_NAME = "gradlab-exercises";

    public ExerciseProjectPage() {
        super("gradlabExerciseProject");
        setTitle("GradLab Exercise Project");
        setDescription("A Java project with every exercise's stubs in src/, the task texts and public test vectors"
                + " in exercises/, and the GradLab student API on its build path.");
        setInitialProjectName(GradLabProjects.freeName(DEFAULT_NAME));
    }

    /** The project's folder as chosen: null for the default location in the workspace. */
    public IPath projectLocation() {
        return useDefaults() ? null : getLocationPath();
    }

    @Override
    protected boolean validatePage() {
        if (!super.validatePage()) {
            return false;
        }
        String problem = GradLabProjects.problem(getProjectName(), projectLocation());
        if (problem != null) {
            setErrorMessage(problem);
            return false;
        }
        return true;
    }
}
