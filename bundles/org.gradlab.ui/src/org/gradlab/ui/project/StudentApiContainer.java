package org.gradlab.ui.project;

import java.util.List;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IAccessRule;
import org.eclipse.jdt.core.IClasspathAttribute;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;

/**
 * "GradLab Student API" on a project's build path: the jars (or class folders) of the installed
 * org.gradlab.core and org.gradlab.check, so a project follows the installed GradLab version
 * without copying jars into it. When they cannot be located the container is empty and says why
 * in its name (JDT then reports the unresolved types in the student's code).
 */
public final class StudentApiContainer implements IClasspathContainer {
    /** The container path a project's .classpath names. */
    public static final String ID = "org.gradlab.ui.STUDENT_API";
    public static final IPath PATH = IPath.fromOSString(ID);

    private final IPath path;
    private final IClasspathEntry[] entries;
    private final String description;

    StudentApiContainer(IPath path, List<StudentApiLocation.Library> libraries, String problem) {
        this.path = path;
        this.entries = libraries.stream()
                .map(l -> JavaCore.newLibraryEntry(IPath.fromPath(l.classes()),
                        l.sources() == null ? null : IPath.fromPath(l.sources()), null, new IAccessRule[0],
                        new IClasspathAttribute[0], false))
                .toArray(IClasspathEntry[]::new);
        this.description = problem == null ? "GradLab Student API" : "GradLab Student API (unavailable: " + problem + ")";
    }

    @Override
    public IClasspathEntry[] getClasspathEntries() {
        return entries.clone();
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public int getKind() {
        return K_APPLICATION;
    }

    @Override
    public IPath getPath() {
        return path;
    }
}
