package org.gradlab.ui.views;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Outcome;

/**
 * The view's status icons, drawn here rather than shipped as files: a 16×16 disc in the status's
 * colour with a white glyph, anti-aliased by coverage (distance to the shapes), on a transparent
 * background. Computed as {@link ImageData}, so no Display is needed until the view makes Images.
 */
public enum StatusIcon {
    PASSED(new RGB(46, 160, 67), Glyph.CHECK),
    IN_PROGRESS(new RGB(46, 160, 67), Glyph.HALF),
    NOT_STARTED(new RGB(140, 140, 140), Glyph.RING),
    FAILED(new RGB(207, 34, 46), Glyph.CROSS),
    COMPILE_ERROR(new RGB(207, 34, 46), Glyph.BANG),
    TIMED_OUT(new RGB(219, 109, 40), Glyph.CLOCK),
    RUNNING(new RGB(9, 105, 218), Glyph.PLAY),
    EVIDENCE(new RGB(9, 105, 218), Glyph.DOTS);

    enum Glyph { CHECK, CROSS, BANG, CLOCK, PLAY, HALF, RING, DOTS }

    static final int SIZE = 16;

    private final RGB color;
    private final Glyph glyph;

    StatusIcon(RGB color, Glyph glyph) {
        this.color = color;
        this.glyph = glyph;
    }

    public static StatusIcon of(ExerciseReport.Status status) {
        return switch (status) {
            case PASSED -> PASSED;
            case IN_PROGRESS -> IN_PROGRESS;
            case NOT_STARTED -> NOT_STARTED;
            case FAILED -> FAILED;
            case COMPILE_ERROR -> COMPILE_ERROR;
            case TIMED_OUT -> TIMED_OUT;
        };
    }

    public static StatusIcon of(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> PASSED;
            case NOT_STARTED -> NOT_STARTED;
            case FAILED -> FAILED;
            case MISSING -> COMPILE_ERROR;
        };
    }

    public RGB color() {
        return color;
    }

    /** The icon's pixels: 24-bit colour with an alpha channel. */
    public ImageData imageData() {
        ImageData data = new ImageData(SIZE, SIZE, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        byte[] alpha = new byte[SIZE * SIZE];
        double c = (SIZE - 1) / 2.0;
        double r = SIZE / 2.0 - 0.5;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double px = x - c;
                double py = y - c;
                double d = Math.hypot(px, py);
                double disc = coverage(r - d);
                double mark = glyph == Glyph.RING ? 0 : coverage(1.0 - glyphDistance(px, py));
                double ringHole = glyph == Glyph.RING || glyph == Glyph.HALF ? coverage(r - 2.0 - d) : 0;
                // HALF: a ring with its left half filled; RING: only the outline
                if (glyph == Glyph.HALF && px < 0) {
                    ringHole = 0;
                }
                double a = disc * (1 - ringHole);
                RGB rgb = mix(color, new RGB(255, 255, 255), mark);
                data.setPixel(x, y, data.palette.getPixel(rgb));
                alpha[y * SIZE + x] = (byte) Math.round(255 * Math.max(a, mark * disc));
            }
        }
        data.alphaData = alpha;
        return data;
    }

    /** Distance from (x, y) (pixels from the centre) to the glyph's strokes, minus half their width. */
    private double glyphDistance(double x, double y) {
        return switch (glyph) {
            case CHECK -> Math.min(segment(x, y, -4, 0, -1.5, 3), segment(x, y, -1.5, 3, 4, -3.5)) - 0.4;
            case CROSS -> Math.min(segment(x, y, -3.5, -3.5, 3.5, 3.5), segment(x, y, -3.5, 3.5, 3.5, -3.5)) - 0.4;
            case BANG -> Math.min(segment(x, y, 0, -4.5, 0, 1), Math.hypot(x, y - 4) - 0.6) - 0.4;
            case CLOCK -> Math.min(segment(x, y, 0, 0, 0, -4.5), segment(x, y, 0, 0, 3.5, 0)) - 0.3;
            case PLAY -> triangle(x, y);
            case DOTS -> Math.min(Math.hypot(x + 3.5, y), Math.min(Math.hypot(x, y), Math.hypot(x - 3.5, y))) - 0.9;
            case HALF, RING -> Double.MAX_VALUE;
        };
    }

    private static double triangle(double x, double y) {
        // inside a right-pointing triangle (-2.5,-4)..(4,0)..(-2.5,4): negative distance
        boolean inside = x >= -2.5 && Math.abs(y) <= (4 - x) * 4 / 6.5;
        return inside ? -1 : Math.min(segment(x, y, -2.5, -4, 4, 0), Math.min(segment(x, y, 4, 0, -2.5, 4),
                segment(x, y, -2.5, 4, -2.5, -4)));
    }

    private static double segment(double x, double y, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
    }

    /** The share of a pixel inside a shape whose edge is {@code inside} pixels away (negative: outside). */
    private static double coverage(double inside) {
        return Math.max(0, Math.min(1, inside + 0.5));
    }

    private static RGB mix(RGB a, RGB b, double t) {
        return new RGB((int) Math.round(a.red + (b.red - a.red) * t),
                (int) Math.round(a.green + (b.green - a.green) * t),
                (int) Math.round(a.blue + (b.blue - a.blue) * t));
    }
}
