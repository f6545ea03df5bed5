package org.gradlab.ui.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.gradlab.check.selfcheck.Curve;
import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * The chart beside the details (SWTChart): for a failed comparison, the student's values against
 * the expected ones, one point per tensor element, with the line y = x where every point of a
 * right answer lies (a flipped sign is a line at -45°, a missing factor a line of another slope);
 * for a training exercise its curves (loss, accuracy per epoch). Charts are rebuilt per
 * selection and disposed with their composite.
 */
final class ChartPane {
    /** Series colours (colour-blind friendly: blue, orange, green, purple). */
    private static final RGB[] PALETTE = { new RGB(0, 114, 178), new RGB(230, 159, 0), new RGB(0, 158, 115),
            new RGB(204, 121, 167) };
    static final String POINTS = "values";
    static final String DIAGONAL = "y = x";

    private final Composite area;
    private final List<Chart> charts = new ArrayList<>();

    ChartPane(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new FillLayout(SWT.HORIZONTAL));
        show(null);
    }

    Control control() {
        return area;
    }

    /** The charts shown now (empty when the hint is). */
    List<Chart> charts() {
        return List.copyOf(charts);
    }

    /** Shows what {@code node} has to plot: its evidence, else its exercise's curves, else a hint. */
    void show(ResultNode node) {
        for (Control c : area.getChildren()) {
            c.dispose();
        }
        charts.clear();
        Evidence evidence = node == null ? null : ResultText.evidence(node);
        ExerciseReport exercise = exerciseOf(node);
        if (evidence != null && Math.min(evidence.expectedValues().length, evidence.actualValues().length) > 0) {
            scatter(evidence);
        } else if (exercise != null && !exercise.curves().isEmpty()) {
            exercise.curves().forEach(this::lines);
        } else {
            Label hint = new Label(area, SWT.WRAP | SWT.CENTER);
            hint.setText(evidence != null ? "No values to plot: the shapes of expected and actual differ."
                    : "Select a failed check to plot your values against the expected ones;"
                            + " training exercises plot their loss and accuracy here.");
        }
        area.layout(true);
    }

    private void scatter(Evidence e) {
        double[] x = e.expectedValues();
        double[] y = e.actualValues();
        int n = Math.min(x.length, y.length);
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        Chart chart = chart(e.caseName() + ": " + e.tensor(), e.expectedLabel(), e.actualLabel());
        double lo = Math.min(min(x), min(y));
        double hi = Math.max(max(x), max(y));
        ILineSeries<?> diagonal = line(chart, DIAGONAL, new double[] { lo, hi }, new double[] { lo, hi }, 2);
        diagonal.setSymbolType(PlotSymbolType.NONE);
        diagonal.setLineStyle(LineStyle.DASH);
        ILineSeries<?> points = line(chart, POINTS, x, y, 0);
        points.setLineStyle(LineStyle.NONE);
        points.setSymbolType(PlotSymbolType.CIRCLE);
        points.setSymbolSize(3);
        // the same range on both axes, so that y = x is the diagonal and a wrong factor shows as a wrong slope
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1e-9, Math.abs(hi) * 0.05 + 1e-9);
        Range range = new Range(lo - pad, hi + pad);
        chart.getAxisSet().getXAxis(0).setRange(range);
        chart.getAxisSet().getYAxis(0).setRange(range);
    }

    private void lines(Curve curve) {
        Chart chart = chart(curve.title(), curve.xLabel(), curve.yLabel());
        int i = 0;
        for (Curve.Series s : curve.series()) {
            ILineSeries<?> series = line(chart, s.name(), s.x(), s.y(), i++);
            series.setSymbolType(s.x().length <= 50 ? PlotSymbolType.CIRCLE : PlotSymbolType.NONE);
            series.setSymbolSize(3);
        }
        chart.getAxisSet().adjustRange();
    }

    private Chart chart(String title, String xLabel, String yLabel) {
        Chart chart = new Chart(area, SWT.NONE);
        chart.getTitle().setText(title);
        IAxis xAxis = chart.getAxisSet().getXAxis(0);
        IAxis yAxis = chart.getAxisSet().getYAxis(0);
        xAxis.getTitle().setText(xLabel);
        yAxis.getTitle().setText(yLabel);
        charts.add(chart);
        return chart;
    }

    private static ILineSeries<?> line(Chart chart, String name, double[] x, double[] y, int colour) {
        ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, name);
        s.setXSeries(x);
        s.setYSeries(y);
        Color c = new Color(PALETTE[colour % PALETTE.length]);
        s.setLineColor(c);
        s.setSymbolColor(c);
        return s;
    }

    private static ExerciseReport exerciseOf(ResultNode node) {
        ResultNode n = node;
        while (n != null && !(n instanceof ResultNode.Exercise)) {
            n = n.parent();
        }
        return n instanceof ResultNode.Exercise e ? e.report() : null;
    }

    private static double min(double[] v) {
        return finite(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return finite(v).max().orElse(0);
    }

    /** The finite values: a NaN or infinite gradient must not stretch the axes to nothing. */
    private static DoubleStream finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite);
    }
}
