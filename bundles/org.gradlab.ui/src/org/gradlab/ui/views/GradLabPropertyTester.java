package org.gradlab.ui.views;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.gradlab.ui.project.GradLabProjects;

/**
 * plugin.xml's test "org.gradlab.ui.isInGradLabProject": the element (a resource or a Java element)
 * lies in a GradLab exercise project (one with the GradLab nature), so the context menu offers Check only where it means something.
 */
public final class GradLabPropertyTester extends PropertyTester {
    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        IResource r = Adapters.adapt(receiver, IResource.class);
        return r != null && GradLabProjects.isGradLab(r.getProject());
    }
}
