package org.gradlab.ui.views;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.gradlab.ui.check.CheckRunRecord;

/** The tree's content: the input is the run shown (or null), the rows are {@link ResultNode}s. */
final class ResultContentProvider implements ITreeContentProvider {
    @Override
    public Object[] getElements(Object input) {
        return ResultNode.roots((CheckRunRecord) input).toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        return ((ResultNode) parent).children().toArray();
    }

    @Override
    public Object getParent(Object element) {
        return ((ResultNode) element).parent();
    }

    @Override
    public boolean hasChildren(Object element) {
        return !((ResultNode) element).children().isEmpty();
    }
}
