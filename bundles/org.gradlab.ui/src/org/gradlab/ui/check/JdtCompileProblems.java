package org.gradlab.ui.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaModelMarker;
import org.gradlab.check.run.CompileProblem;
import org.gradlab.ui.project.GradLabProjects;

/**
 * The JDT build's errors under src/ as the check protocol's compile problems: the check JVM loads
 * the classes JDT wrote to bin/ (JDT writes class files even for broken sources, whose methods
 * then throw), so it must be told which files did not compile to report those exercises as
 * COMPILE_ERROR instead of checking half-built classes.
 */
public final class JdtCompileProblems {
    private JdtCompileProblems() {
    }

    public static List<CompileProblem> of(IProject project) throws CoreException {
        IFolder src = project.getFolder(GradLabProjects.SOURCE_FOLDER);
        if (!src.exists()) {
            return List.of();
        }
        List<CompileProblem> out = new ArrayList<>();
        for (IMarker m : src.findMarkers(IJavaModelMarker.JAVA_MODEL_PROBLEM_MARKER, true, IResource.DEPTH_INFINITE)) {
            if (m.getAttribute(IMarker.SEVERITY, -1) != IMarker.SEVERITY_ERROR) {
                continue;
            }
            String file = m.getResource().getProjectRelativePath().removeFirstSegments(1).toString();
            out.add(new CompileProblem(file, m.getAttribute(IMarker.LINE_NUMBER, 0),
                    m.getAttribute(IMarker.MESSAGE, "compile error")));
        }
        out.sort(Comparator.comparing(CompileProblem::file).thenComparingInt(CompileProblem::line));
        return out;
    }
}
