package org.gradlab.ui.views;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.gradlab.ui.check.CheckService;
import org.gradlab.ui.check.CheckTarget;
import org.gradlab.ui.check.CheckTargets;
import org.gradlab.ui.project.GradLabProjects;

/**
 * The Check command (toolbar, context menu, Alt+Shift+X G): checks what the student points at —
 * the active editor's class, else the selection (project, exercise folders, packages, classes: several
 * selected are checked together in one run; of a selection spanning projects, the first project's
 * items, and the status line says so), else the workspace's only GradLab project. Saves the
 * project's unsaved editors first, without asking:
 * Check answers "is what I wrote right?", and what is written is what is in the editors (JUnit's
 * launch asks; a student would only ever answer yes). Shows the GradLab view and starts the job.
 */
public final class CheckHandler extends AbstractHandler {
    public static final String COMMAND = "org.gradlab.ui.commands.check";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        CheckView view = showView(page);
        Optional<CheckTargets.Selection> target = targetOf(HandlerUtil.getActivePart(event),
                HandlerUtil.getCurrentSelection(event));
        if (target.isEmpty()) {
            view.say("Nothing to check: select a GradLab project, an exercise folder or a class, then press Check");
            return null;
        }
        IProject project = target.get().target().project();
        IDE.saveAllEditors(new IResource[] { project }, false);
        // a selection spanning projects checks the first one's items; the note says so in the status line
        CheckService.get().check(target.get().target(), target.get().note());
        return null;
    }

    /** What Check means for the active part and selection. */
    static Optional<CheckTargets.Selection> targetOf(IWorkbenchPart part, ISelection selection) {
        if (part instanceof IEditorPart editor) {
            IFile file = editor.getEditorInput().getAdapter(IFile.class);
            if (file != null) {
                return Optional.of(only(CheckTargets.ofResource(file)));
            }
        }
        if (part instanceof CheckView view && view.shownRun() != null) {
            // Check pressed in the GradLab view: again what it shows
            IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(view.shownRun().project());
            return Optional.of(only(new CheckTarget(p, view.shownRun().asked())));
        }
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            Optional<CheckTargets.Selection> t = CheckTargets.selection(s.toList());
            if (t.isPresent()) {
                return t;
            }
        }
        List<IProject> gradlab = Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
                .filter(GradLabProjects::isGradLab).toList();
        return gradlab.size() == 1 ? Optional.of(only(CheckTarget.all(gradlab.get(0)))) : Optional.empty();
    }

    private static CheckTargets.Selection only(CheckTarget target) {
        return new CheckTargets.Selection(target, List.of());
    }

    static CheckView showView(IWorkbenchPage page) throws ExecutionException {
        try {
            return (CheckView) page.showView(CheckView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the GradLab view", e);
        }
    }
}
