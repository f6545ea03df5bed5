package org.gradlab.ui.views;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.gradlab.check.GradientCheck;

/**
 * Stand-in content for {@link CheckView} until check runs are wired in: one root that says no
 * check has run, with children explaining what will appear (the tolerances come from
 * {@link GradientCheck}, so they stay in sync with the checker).
 */
final class PlaceholderContentProvider implements ITreeContentProvider {
    /** The viewer input; the provider ignores its value. */
    static final Object INPUT = new Object();

    /** A tree node: a label and its children. */
    record Node(String label, List<Node> children) {
        Node(String label) {
            this(label, List.of());
        }
    }

    static final Node ROOT = new Node("No checks run yet", List.of(
            new Node("Gradient checks compare backward() with central differences"),
            new Node(String.format(Locale.ROOT, "Tolerances: rtol %.0e, atol %.0e",
                    GradientCheck.RTOL, GradientCheck.ATOL))));

    @Override
    public Object[] getElements(Object input) {
        return new Object[] { ROOT };
    }

    @Override
    public Object[] getChildren(Object parent) {
        return ((Node) parent).children().toArray();
    }

    @Override
    public Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return !((Node) element).children().isEmpty();
    }

    static ILabelProvider labels() {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Node) element).label();
            }
        };
    }
}
