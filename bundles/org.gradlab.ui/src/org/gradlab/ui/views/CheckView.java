package org.gradlab.ui.views;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Outcome;
import org.gradlab.ui.check.CheckRunListener;
import org.gradlab.ui.check.CheckRunRecord;
import org.gradlab.ui.check.CheckService;

/**
 * The GradLab view (Window > Show View > GradLab > GradLab): the Check results as the JUnit view
 * shows tests. At the top the counts and a bar (green until something fails); then the tree
 * exercise → class → aspect → evidence with status icons, the worst element, the relative error
 * and the diagnosed mistake; under it the selected row's full message and a chart (expected vs
 * actual values of a failed check; loss and accuracy of a training exercise). Results stream in as
 * exercises finish; after a run the first failure is selected. All work happens in
 * {@link CheckService}'s jobs; this class only shows.
 */
public class CheckView extends ViewPart {
    /** The view id in plugin.xml. */
    public static final String ID = "org.gradlab.ui.views.CheckView";

    private CounterPanel counter;
    private TreeViewer viewer;
    private Text details;
    private ChartPane chart;
    private ResultImages images;
    private HistoryAction history;
    private Action stop;
    private CheckRunRecord shown;
    private final CheckRunListener events = new CheckRunListener() {
        @Override
        public void runStarted(CheckRunRecord run) {
            inUi(() -> show(run));
        }

        @Override
        public void exerciseStarted(CheckRunRecord run, String exerciseId, String title) {
            inUi(() -> refreshIfShown(run, false));
        }

        @Override
        public void exerciseFinished(CheckRunRecord run, ExerciseReport report) {
            inUi(() -> refreshIfShown(run, false));
        }

        @Override
        public void runFinished(CheckRunRecord run) {
            inUi(() -> refreshIfShown(run, true));
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        images = new ResultImages(parent.getDisplay());
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        root.setLayout(layout);
        counter = new CounterPanel(root);
        counter.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        SashForm split = new SashForm(root, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer = new TreeViewer(split, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL | SWT.FULL_SELECTION);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.setContentProvider(new ResultContentProvider());
        column("Check", 380, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ResultText.name((ResultNode) element);
            }

            @Override
            public Image getImage(Object element) {
                return images.of((ResultNode) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return ResultText.details((ResultNode) element);
            }
        });
        column("Worst element", 200, text(ResultText::worst));
        column("Relative error", 110, text(ResultText::relativeError));
        column("Diagnosis", 300, text(ResultText::diagnosis));

        SashForm bottom = new SashForm(split, SWT.HORIZONTAL);
        details = new Text(bottom, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        chart = new ChartPane(bottom);
        bottom.setWeights(45, 55);
        split.setWeights(55, 45);

        viewer.addSelectionChangedListener(e -> selected(first(e.getStructuredSelection())));
        viewer.addDoubleClickListener(e -> {
            ResultNode node = first((IStructuredSelection) e.getSelection());
            if (node != null) {
                ResultOpener.open(getSite().getPage(), node).ifPresent(counter::say);
            }
        });
        getSite().setSelectionProvider(viewer);
        contributeToolbar(getViewSite().getActionBars().getToolBarManager());

        CheckService service = CheckService.get();
        service.addListener(events);
        List<CheckRunRecord> runs = service.history();
        show(runs.isEmpty() ? null : runs.get(0));
    }

    private void contributeToolbar(IToolBarManager toolbar) {
        stop = new Action("Stop Check") {
            @Override
            public void run() {
                CheckService.get().stop();
            }
        };
        stop.setToolTipText("Stop the running check");
        stop.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_STOP));
        stop.setEnabled(false);
        history = new HistoryAction(CheckService.get(), this::show, this::shownRun);
        toolbar.add(stop);
        toolbar.add(history);
    }

    private void column(String title, int width, ColumnLabelProvider labels) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(labels);
    }

    private static ColumnLabelProvider text(Function<ResultNode, String> text) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ResultNode) element);
            }
        };
    }

    /** Shows {@code run} (null: none) — a new one, or one from the history. */
    public void show(CheckRunRecord run) {
        shown = run;
        viewer.setInput(run);
        update(run != null && run.finished());
    }

    /** The run shown now, or null. */
    public CheckRunRecord shownRun() {
        return shown;
    }

    /** A one-line message in the view's status line (no dialog). */
    public void say(String message) {
        counter.say(message);
    }

    private void refreshIfShown(CheckRunRecord run, boolean finished) {
        if (run != shown || viewer.getControl().isDisposed()) {
            return;
        }
        viewer.refresh();
        update(finished);
    }

    private void update(boolean finished) {
        counter.show(shown);
        stop.setEnabled(shown != null && !shown.finished());
        expandFailures();
        if (finished) {
            ResultNode failure = ResultNode.firstFailure(ResultNode.roots(shown));
            if (failure != null) {
                viewer.setSelection(new StructuredSelection(failure), true);
            } else {
                selected(null);
            }
        }
    }

    /** Opens the failed exercises and their failed classes, as the JUnit view opens failed tests. */
    private void expandFailures() {
        for (Object o : ((ResultContentProvider) viewer.getContentProvider()).getElements(shown)) {
            if (o instanceof ResultNode.Exercise e && CheckRunRecord.failed(e.report().status())) {
                viewer.setExpandedState(e, true);
                for (ResultNode c : e.children()) {
                    if (c instanceof ResultNode.StudentClass cls && cls.report().outcome().compareTo(
                            Outcome.FAILED) >= 0) {
                        viewer.setExpandedState(cls, true);
                    }
                }
            }
        }
    }

    private void selected(ResultNode node) {
        details.setText(node == null ? "" : ResultText.details(node));
        chart.show(node);
    }

    private static ResultNode first(IStructuredSelection s) {
        return s == null || s.isEmpty() ? null : (ResultNode) s.getFirstElement();
    }

    private void inUi(Runnable r) {
        Display display = getSite().getShell().getDisplay();
        display.asyncExec(() -> {
            if (viewer != null && !viewer.getControl().isDisposed()) {
                r.run();
            }
        });
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        CheckService.get().removeListener(events);
        if (history != null) {
            history.dispose();
        }
        if (images != null) {
            images.dispose();
        }
        super.dispose();
    }

    // for the tests (same package: the test fragment)

    /** The tree, for tests and other views. */
    public TreeViewer getViewer() {
        return viewer;
    }

    CounterPanel counter() {
        return counter;
    }

    ChartPane chart() {
        return chart;
    }

    Text details() {
        return details;
    }

    ResultImages images() {
        return images;
    }

    HistoryAction history() {
        return history;
    }

    Action stopAction() {
        return stop;
    }
}
