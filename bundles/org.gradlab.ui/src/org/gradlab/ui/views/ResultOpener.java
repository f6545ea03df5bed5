package org.gradlab.ui.views;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaElement;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IMember;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.ui.JavaUI;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.gradlab.ui.check.MemberLocator;
import org.gradlab.ui.task.TaskViewer;

/**
 * Double click in the GradLab view: an exercise opens its task text; a class, an aspect or its
 * evidence opens the student's class in the Java editor at the method the aspect exercises; a
 * compile-error note ("src/activations/ReLU.java:12: …") opens the file at that line. What cannot
 * be opened (a class that does not exist yet) is said in the view's status line, not in a dialog.
 */
final class ResultOpener {
    private static final Pattern FILE_LINE = Pattern.compile("^(src/\\S+\\.java):(\\d+)");

    private ResultOpener() {
    }

    /** Opens the node's source; returns why it could not, or empty when it did. */
    static Optional<String> open(IWorkbenchPage page, ResultNode node) {
        try {
            return switch (node) {
                case ResultNode.Exercise e -> {
                    TaskViewer.open(project(e.project()), e.report().id());
                    yield Optional.empty();
                }
                case ResultNode.StudentClass c -> openMember(c.parent().project(), c.report().className(), null);
                case ResultNode.Aspect a -> openMember(a.parent().parent().project(), a.parent().report().className(),
                        a.item().method());
                case ResultNode.EvidenceRow r -> open(page, r.parent());
                case ResultNode.Note n -> openFileLine(page, project(n.parent().project()), n.text());
                case ResultNode.Message m -> Optional.empty();
                case ResultNode.Output o -> Optional.empty();
            };
        } catch (CoreException e) {
            return Optional.of("Cannot open: " + e.getStatus().getMessage());
        }
    }

    private static Optional<String> openMember(String projectName, String className, String method)
            throws CoreException {
        IJavaProject java = JavaCore.create(project(projectName));
        Optional<IMember> member = MemberLocator.find(java, className, method);
        if (member.isEmpty()) {
            return Optional.of("There is no class " + className + " in src/ of " + projectName + " to open");
        }
        IEditorPart editor = JavaUI.openInEditor(member.get(), true, false);
        JavaUI.revealInEditor(editor, (IJavaElement) member.get());
        return Optional.empty();
    }

    private static Optional<String> openFileLine(IWorkbenchPage page, IProject project, String note)
            throws CoreException {
        Matcher m = FILE_LINE.matcher(note);
        if (!m.find()) {
            return Optional.empty();
        }
        IFile file = project.getFile(m.group(1));
        if (!file.exists()) {
            return Optional.of("The file " + m.group(1) + " is not in project " + project.getName());
        }
        IMarker at = file.createMarker(IMarker.TEXT);
        try {
            at.setAttribute(IMarker.LINE_NUMBER, Integer.parseInt(m.group(2)));
            IDE.openEditor(page, at);
        } finally {
            at.delete();
        }
        return Optional.empty();
    }

    private static IProject project(String name) {
        return ResourcesPlugin.getWorkspace().getRoot().getProject(name);
    }
}
