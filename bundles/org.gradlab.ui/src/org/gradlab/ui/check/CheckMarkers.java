package org.gradlab.ui.check;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IMember;
import org.eclipse.jdt.core.JavaCore;
import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;

/**
 * Problem markers for failed checks, on the student method's line so that they show in the
 * editor's ruler and the Problems view like compile errors. Each marker remembers its exercise:
 * a run replaces the markers of the exercises it checks and leaves the others'.
 */
public final class CheckMarkers {
    /** The marker type in plugin.xml (a problem marker, not persistent: a check is redone, not restored). */
    public static final String TYPE = "org.gradlab.ui.checkProblem";
    /** Marker attribute: the exercise id whose check made it. */
    public static final String EXERCISE = "org.gradlab.ui.exercise";

    private CheckMarkers() {
    }

    /** Removes the markers of the given exercises (every GradLab marker when {@code exercises} is null). */
    public static void clear(IProject project, Collection<String> exercises) throws CoreException {
        if (!project.isAccessible()) {
            return;
        }
        for (IMarker m : project.findMarkers(TYPE, true, IResource.DEPTH_INFINITE)) {
            if (exercises == null || exercises.contains(m.getAttribute(EXERCISE, ""))) {
                m.delete();
            }
        }
    }

    /** Replaces the exercise's markers with one per failed or missing aspect found in the sources. */
    public static void update(IProject project, ExerciseReport report) throws CoreException {
        IJavaProject java = JavaCore.create(project);
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        // one resource delta for the lot; markers need no scheduling rule
        workspace.run(monitor -> {
            clear(project, List.of(report.id()));
            for (ClassReport c : report.classes()) {
                for (Item item : c.items()) {
                    if (item.outcome() == Outcome.FAILED || item.outcome() == Outcome.MISSING) {
                        mark(java, report.id(), c.className(), item);
                    }
                }
            }
        }, null, IWorkspace.AVOID_UPDATE, null);
    }

    private static void mark(IJavaProject java, String exercise, String className, Item item) throws CoreException {
        Optional<IMember> member = MemberLocator.find(java, className, item.method());
        if (member.isEmpty() || member.get().getResource() == null) {
            return; // a class that is not there: the view says so, no file to mark
        }
        Map<String, Object> attrs = new HashMap<>();
        attrs.put(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
        attrs.put(IMarker.MESSAGE, MarkerText.of(item));
        attrs.put(EXERCISE, exercise);
        int line = MemberLocator.line(member.get());
        if (line > 0) {
            attrs.put(IMarker.LINE_NUMBER, line);
        }
        member.get().getResource().createMarker(TYPE, attrs);
    }
}
