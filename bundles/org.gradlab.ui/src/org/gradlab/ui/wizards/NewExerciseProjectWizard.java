package org.gradlab.ui.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkingSet;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.wizards.newresource.BasicNewProjectResourceWizard;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.gradlab.course.Course;
import org.gradlab.ui.project.GradLabProjects;
import org.gradlab.ui.task.TaskViewer;

/**
 * File → New → GradLab Exercise Project: one page (name, location), then the project is created
 * headlessly by {@link GradLabProjects#create} in a workspace operation with progress and cancel,
 * and the first exercise's task opens. A failure is shown on the page and the wizard stays open.
 */
public class NewExerciseProjectWizard extends Wizard implements INewWizard, IExecutableExtension {
    /** plugin.xml: the newWizards entry. */
    public static final String ID = "org.gradlab.ui.wizards.NewExerciseProjectWizard";

    private ExerciseProjectPage page;
    private IWorkbench workbench;
    private IStructuredSelection selection;
    private IConfigurationElement config;
    private IProject created;

    public NewExerciseProjectWizard() {
        setWindowTitle("New GradLab Exercise Project");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection;
    }

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        this.config = config; // for the switch to the Java perspective (finalPerspective in plugin.xml)
    }

    @Override
    public void addPages() {
        page = new ExerciseProjectPage();
        addPage(page);
    }

    /** The page, for tests and for those who fill it programmatically. */
    public ExerciseProjectPage getPage() {
        return page;
    }

    /** The project made by the last successful finish, or null. */
    public IProject getCreatedProject() {
        return created;
    }

    @Override
    public boolean performFinish() {
        String name = page.getProjectName();
        IPath location = page.projectLocation();
        IProject[] made = new IProject[1];
        WorkspaceModifyOperation create = new WorkspaceModifyOperation(ResourcesPlugin.getWorkspace().getRoot()) {
            @Override
            protected void execute(IProgressMonitor monitor) throws CoreException {
                made[0] = GradLabProjects.create(name, location, monitor);
            }
        };
        try {
            getContainer().run(true, true, create);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            ILog.of(getClass()).error("GradLab project " + name + " was not created", cause);
            page.setErrorMessage("The project was not created: " + cause.getMessage());
            return false;
        } catch (InterruptedException e) {
            page.setErrorMessage("Cancelled: the project was not created.");
            return false;
        }
        created = made[0];
        addToWorkingSets(created);
        if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
            BasicNewResourceWizard.selectAndReveal(created, workbench.getActiveWorkbenchWindow());
        }
        if (config != null) {
            BasicNewProjectResourceWizard.updatePerspective(config);
        }
        openFirstTask(created);
        return true;
    }

    private void addToWorkingSets(IProject project) {
        IWorkingSet[] sets = page.getSelectedWorkingSets();
        if (workbench != null && sets.length > 0) {
            workbench.getWorkingSetManager().addToWorkingSets(project, sets);
        }
    }

    /** The task text of the course's first exercise: where a new student starts. */
    private static void openFirstTask(IProject project) {
        try {
            List<Course.Exercise> exercises = GradLabProjects.exercises(project).exercises();
            TaskViewer.open(project, exercises.get(0).id());
        } catch (IOException | RuntimeException e) {
            // the project is fine; only the convenience of opening the task failed
            ILog.of(NewExerciseProjectWizard.class).warn("could not open the first task of " + project.getName(), e);
        }
    }
}
