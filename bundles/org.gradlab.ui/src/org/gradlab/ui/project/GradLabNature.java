package org.gradlab.ui.project;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectNature;

/**
 * Marks a Java project as a GradLab exercise project (exercises/ and src/ at its root), so that
 * Check and the task viewer know which projects are theirs. It adds no builder: the Java builder
 * compiles the student's code; checking runs on demand.
 */
public class GradLabNature implements IProjectNature {
    /** plugin.xml: extension "nature" of org.gradlab.ui. */
    public static final String ID = "org.gradlab.ui.nature";

    private IProject project;

    @Override
    public void configure() {
        // nothing to install: no builder of our own
    }

    @Override
    public void deconfigure() {
        // nothing was installed
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }
}
