package org.gradlab.ui.project;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.ClasspathContainerInitializer;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

/** Resolves {@value StudentApiContainer#ID} (plugin.xml: org.eclipse.jdt.core.classpathContainerInitializer). */
public class StudentApiContainerInitializer extends ClasspathContainerInitializer {

    @Override
    public void initialize(IPath containerPath, IJavaProject project) throws CoreException {
        JavaCore.setClasspathContainer(containerPath, new IJavaProject[] { project },
                new IClasspathContainer[] { resolve(containerPath) }, null);
    }

    static StudentApiContainer resolve(IPath containerPath) {
        try {
            return new StudentApiContainer(containerPath, StudentApiLocation.libraries(), null);
        } catch (IOException e) {
            ILog.of(StudentApiContainerInitializer.class).warn("GradLab Student API: " + e.getMessage(), e);
            return new StudentApiContainer(containerPath, List.of(), e.getMessage());
        }
    }

    @Override
    public String getDescription(IPath containerPath, IJavaProject project) {
        return "GradLab Student API";
    }
}
