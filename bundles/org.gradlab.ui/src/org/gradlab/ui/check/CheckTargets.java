package org.gradlab.ui.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.ICompilationUnit;
import org.eclipse.jdt.core.IJavaElement;
import org.eclipse.jdt.core.IPackageFragment;
import org.eclipse.jdt.core.IType;
import org.gradlab.ui.project.GradLabProjects;

/**
 * What Check means for a selected element: a project → all its exercises; exercises/&lt;id&gt;/… → that
 * exercise; a package, compilation unit, class or method under src/ → the exercise whose manifest
 * names the package; anything else in the project → all exercises. Works on whatever a Package or
 * Project Explorer, an editor's input or a test hands over (Java elements, resources, adaptables).
 */
public final class CheckTargets {
    private CheckTargets() {
    }

    /** The target for {@code element}, or empty when it belongs to no project. */
    public static Optional<CheckTarget> of(Object element) {
        if (element instanceof IJavaElement je) {
            Optional<CheckTarget> fromJava = ofJavaElement(je);
            if (fromJava.isPresent()) {
                return fromJava;
            }
        }
        IResource resource = Adapters.adapt(element, IResource.class);
        if (resource == null || resource.getProject() == null) {
            IJavaElement je = Adapters.adapt(element, IJavaElement.class);
            return je == null ? Optional.empty() : ofJavaElement(je);
        }
        return Optional.of(ofResource(resource));
    }

    /**
     * The one target for several selected elements (two exercise folders, classes of different
     * exercises): their exercises together, checked in one run; the whole project when one of them
     * means the whole project. Elements of another project than the first one's are left out: a
     * run checks one project ({@link #selection} says which were).
     */
    public static Optional<CheckTarget> ofAll(List<?> elements) {
        return selection(elements).map(Selection::target);
    }

    /** What a Check of the selected elements covers, and the other projects among them, left out. */
    public record Selection(CheckTarget target, List<IProject> leftOut) {
        public Selection {
            leftOut = List.copyOf(leftOut);
        }

        /** For the status line: "checked A only, not B: …", or null when nothing was left out. */
        public String note() {
            if (leftOut.isEmpty()) {
                return null;
            }
            return "checked " + target.project().getName() + " only, not "
                    + String.join(", ", leftOut.stream().map(IProject::getName).toList())
                    + ": a Check runs on one project at a time; select items of one project";
        }
    }

    /** {@link #ofAll} with the projects it left out. */
    public static Optional<Selection> selection(List<?> elements) {
        IProject project = null;
        Set<String> exercises = new LinkedHashSet<>();
        Set<IProject> leftOut = new LinkedHashSet<>();
        boolean everything = false;
        for (Object element : elements) {
            Optional<CheckTarget> t = of(element);
            if (t.isEmpty()) {
                continue;
            }
            if (project != null && !project.equals(t.get().project())) {
                leftOut.add(t.get().project());
                continue;
            }
            project = t.get().project();
            everything |= t.get().everything();
            exercises.addAll(t.get().exercises());
        }
        if (project == null) {
            return Optional.empty();
        }
        CheckTarget target = everything ? CheckTarget.all(project) : new CheckTarget(project, List.copyOf(exercises));
        return Optional.of(new Selection(target, List.copyOf(leftOut)));
    }

    private static Optional<CheckTarget> ofJavaElement(IJavaElement je) {
        IProject project = je.getJavaProject() == null ? null : je.getJavaProject().getProject();
        if (project == null) {
            return Optional.empty();
        }
        ExerciseIndex index = ExerciseIndex.of(project);
        String pkg = null;
        if (je.getAncestor(IJavaElement.TYPE) instanceof IType type) {
            // outermost type: the manifest names top-level classes
            IType top = type;
            while (top.getDeclaringType() != null) {
                top = top.getDeclaringType();
            }
            Optional<String> owner = index.ownerOfClass(top.getFullyQualifiedName());
            if (owner.isPresent()) {
                return Optional.of(CheckTarget.of(project, owner.get()));
            }
        }
        if (je.getAncestor(IJavaElement.COMPILATION_UNIT) instanceof ICompilationUnit cu
                && cu.getParent() instanceof IPackageFragment p) {
            pkg = p.getElementName();
        } else if (je instanceof IPackageFragment p) {
            pkg = p.getElementName();
        }
        if (pkg != null) {
            return Optional.of(index.ownerOfPackage(pkg).map(id -> CheckTarget.of(project, id))
                    .orElse(CheckTarget.all(project)));
        }
        return Optional.of(je.getResource() == null ? CheckTarget.all(project) : ofResource(je.getResource()));
    }

    /** For a resource: its exercise folder, or the exercise owning its package under src/, else the project. */
    public static CheckTarget ofResource(IResource resource) {
        IProject project = resource.getProject();
        IPath path = resource.getProjectRelativePath();
        if (path.segmentCount() >= 2 && path.segment(0).equals(GradLabProjects.EXERCISES_FOLDER)) {
            return CheckTarget.of(project, path.segment(1));
        }
        if (path.segmentCount() >= 2 && path.segment(0).equals(GradLabProjects.SOURCE_FOLDER)) {
            IPath inSrc = path.removeFirstSegments(1);
            if (resource instanceof IFile) {
                inSrc = inSrc.removeLastSegments(1);
            }
            String pkg = String.join(".", inSrc.segments());
            return ExerciseIndex.of(project).ownerOfPackage(pkg).map(id -> CheckTarget.of(project, id))
                    .orElse(CheckTarget.all(project));
        }
        return CheckTarget.all(project);
    }
}
