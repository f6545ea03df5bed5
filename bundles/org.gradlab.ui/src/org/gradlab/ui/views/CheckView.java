package org.gradlab.ui.views;

import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/**
 * The GradLab check results view (Window > Show View > GradLab > GradLab Checks). A tree so that
 * results can later be grouped by exercise, class and check; until checks are wired in it shows
 * {@link PlaceholderContentProvider}'s explanatory content.
 */
public class CheckView extends ViewPart {
    /** The view id in plugin.xml. */
    public static final String ID = "org.gradlab.ui.views.CheckView";

    private TreeViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(new PlaceholderContentProvider());
        viewer.setLabelProvider(PlaceholderContentProvider.labels());
        viewer.setInput(PlaceholderContentProvider.INPUT);
        viewer.expandAll();
        // others (Properties view, commands) see what is selected here
        getSite().setSelectionProvider(viewer);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** The tree, for tests and for the commands that will fill it. */
    public TreeViewer getViewer() {
        return viewer;
    }
}
