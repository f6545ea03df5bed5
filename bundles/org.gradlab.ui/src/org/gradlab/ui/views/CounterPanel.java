package org.gradlab.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.gradlab.ui.check.CheckRunRecord;

/**
 * The top of the view, as in the JUnit view: a status line, the counts (exercises done of
 * expected, passed, in progress, failed, not started) and a bar that fills as exercises finish,
 * green while nothing failed and red once something did.
 */
final class CounterPanel {
    private final Composite composite;
    private final Label status;
    private final Label counts;
    private final Canvas bar;
    private CheckRunRecord.Counts shown = new CheckRunRecord.Counts(0, 0, 0, 0, 0, 0);
    private boolean running;

    CounterPanel(Composite parent) {
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 2;
        layout.verticalSpacing = 2;
        composite.setLayout(layout);
        status = new Label(composite, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        counts = new Label(composite, SWT.NONE);
        counts.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar = new Canvas(composite, SWT.DOUBLE_BUFFERED);
        GridData barData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        barData.heightHint = 14;
        bar.setLayoutData(barData);
        bar.addPaintListener(e -> paintBar(e.gc, bar.getClientArea()));
    }

    Composite control() {
        return composite;
    }

    void show(CheckRunRecord run) {
        if (run == null) {
            shown = new CheckRunRecord.Counts(0, 0, 0, 0, 0, 0);
            running = false;
            status.setText("No check run yet");
        } else {
            shown = run.counts();
            running = !run.finished();
            status.setText(run.label() + ": " + run.summary() + (run.note() == null ? "" : " (" + run.note() + ")"));
        }
        counts.setText(countsText(shown));
        composite.layout(true);
        bar.redraw();
    }

    /** A one-line message in the status line (e.g. "Nothing failed in the last run"). */
    void say(String message) {
        status.setText(message);
        composite.layout(true);
    }

    String statusText() {
        return status.getText();
    }

    String countsText() {
        return counts.getText();
    }

    /** The bar's colour now: red once something failed, else green (grey before any result). */
    Color barColor() {
        if (shown.failed() > 0) {
            return new Color(StatusIcon.FAILED.color());
        }
        return shown.done() == 0 && !running ? bar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW)
                : new Color(StatusIcon.PASSED.color());
    }

    Canvas bar() {
        return bar;
    }

    static String countsText(CheckRunRecord.Counts c) {
        return "Exercises: " + c.done() + "/" + c.expected() + "    Passed: " + c.passed() + "    In progress: "
                + c.inProgress() + "    Failed: " + c.failed() + "    Not started: " + c.notStarted();
    }

    private void paintBar(GC gc, Rectangle area) {
        gc.setForeground(bar.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(area.x, area.y, area.width - 1, area.height - 1);
        int total = Math.max(shown.expected(), shown.done());
        int width = total == 0 ? 0 : (area.width - 2) * shown.done() / total;
        gc.setBackground(barColor());
        gc.fillRectangle(area.x + 1, area.y + 1, width, area.height - 2);
    }
}
