package org.gradlab.ui.instructor.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.gradlab.grader.report.Gradebook;
import org.gradlab.grader.report.Scores;

/**
 * Students × exercises: Student, Total, one column per exercise, Notes. A click on a header sorts
 * by that column (again: the other way); the columns follow the gradebook shown. Cell texts are
 * the gradebook CSV's.
 */
final class GradebookTable {
    private final TableViewer viewer;
    private final Sorter sorter = new Sorter();
    private List<GradebookColumn> columns = List.of();
    private List<String> columnKey = List.of();

    GradebookTable(Composite parent, Consumer<Gradebook.Row> open) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(sorter);
        viewer.addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Gradebook.Row row) {
                open.accept(row);
            }
        });
        show(Gradebook.of(List.of()));
    }

    Table table() {
        return viewer.getTable();
    }

    TableViewer viewer() {
        return viewer;
    }

    /** Shows {@code gradebook}, keeping the sort column when the exercise columns are unchanged. */
    void show(Gradebook gradebook) {
        List<String> key = new ArrayList<>(gradebook.columns().stream().map(Scores.Column::id).toList());
        key.add(Scores.format(gradebook.maxTotal()));
        if (!key.equals(columnKey) || columns.isEmpty()) {
            rebuildColumns(gradebook);
            columnKey = key;
        }
        viewer.setInput(gradebook.rows());
    }

    /** Sorts as a click on column {@code index}'s header does. */
    void sortBy(int index) {
        TableColumn column = viewer.getTable().getColumn(index);
        if (sorter.column == index) {
            sorter.descending = !sorter.descending;
        } else {
            sorter.column = index;
            sorter.descending = columns.get(index).numeric();   // scores: best first
        }
        viewer.getTable().setSortColumn(column);
        viewer.getTable().setSortDirection(sorter.descending ? SWT.DOWN : SWT.UP);
        viewer.refresh();
    }

    /** The rows in the order shown. */
    List<Gradebook.Row> shownRows() {
        List<Gradebook.Row> rows = new ArrayList<>();
        for (var item : viewer.getTable().getItems()) {
            rows.add((Gradebook.Row) item.getData());
        }
        return rows;
    }

    private void rebuildColumns(Gradebook gradebook) {
        Table table = viewer.getTable();
        table.setRedraw(false);
        try {
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            List<GradebookColumn> list = new ArrayList<>();
            list.add(GradebookColumn.student());
            list.add(GradebookColumn.total(gradebook.maxTotal()));
            for (int i = 0; i < gradebook.columns().size(); i++) {
                list.add(GradebookColumn.exercise(gradebook.columns().get(i), i));
            }
            list.add(GradebookColumn.notes());
            columns = List.copyOf(list);
            for (int i = 0; i < columns.size(); i++) {
                GradebookColumn spec = columns.get(i);
                TableViewerColumn vc = new TableViewerColumn(viewer, spec.numeric() ? SWT.RIGHT : SWT.LEFT);
                vc.getColumn().setText(spec.header());
                vc.getColumn().setToolTipText(spec.tooltip());
                vc.getColumn().setWidth(spec.width());
                vc.setLabelProvider(new ColumnLabelProvider() {
                    @Override
                    public String getText(Object element) {
                        return spec.text().apply((Gradebook.Row) element);
                    }
                });
                int index = i;
                vc.getColumn().addListener(SWT.Selection, e -> sortBy(index));
                if (spec.numeric()) {
                    vc.getColumn().pack();   // the header's width: scores are short, exercise ids are not
                    vc.getColumn().setWidth(Math.max(spec.width(), vc.getColumn().getWidth()));
                }
            }
            sorter.column = -1;   // the grader's order (by name) until a header is clicked
            table.setSortColumn(null);
        } finally {
            table.setRedraw(true);
        }
    }

    /** Orders rows by the clicked column; ties by student name, so the order is always the same. */
    private final class Sorter extends ViewerComparator {
        int column = -1;
        boolean descending;

        @Override
        public int compare(Viewer v, Object a, Object b) {
            Gradebook.Row x = (Gradebook.Row) a;
            Gradebook.Row y = (Gradebook.Row) b;
            if (column < 0 || column >= columns.size()) {
                return x.student().compareTo(y.student());
            }
            Comparator<Gradebook.Row> order = columns.get(column).order();
            int c = descending ? order.compare(y, x) : order.compare(x, y);
            return c != 0 ? c : x.student().compareTo(y.student());
        }
    }
}
