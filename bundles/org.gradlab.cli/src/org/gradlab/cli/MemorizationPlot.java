package org.gradlab.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * The memorization experiment as a PNG line chart, drawn with Java2D off screen (headless): on
 * the left the accuracy per epoch (training and test, true and random labels, with chance as a
 * dotted line), on the right the training loss per epoch.
 */
final class MemorizationPlot {
    static final int WIDTH = 1200;
    static final int HEIGHT = 560;
    private static final Color TRUE = new Color(0x1f77b4);
    private static final Color RANDOM = new Color(0xd62728);
    private static final Color GRID = new Color(0xe6e6e6);
    private static final Color AXIS = new Color(0x444444);
    private static final Stroke SOLID = new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED = new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 6f}, 0f);
    private static final Stroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 5f}, 0f);

    /** One line: its values per epoch (from epoch 1), legend text, colour, stroke. */
    private record Series(double[] values, String label, Color color, Stroke stroke) {
    }

    /** A panel's place on the image and its value range. */
    private record Frame(int left, int top, int width, int height, int epochs, double low, double high) {
        double x(double epoch) {
            return left + (epochs <= 1 ? width / 2.0 : (epoch - 1) * width / (epochs - 1));
        }

        double y(double v) {
            return top + height - (v - low) / (high - low) * height;
        }
    }

    private MemorizationPlot() {
    }

    /**
     * Writes the chart of the two runs (rows {trainLoss, trainAccuracy, testAccuracy}, one per epoch)
     * to {@code png}.
     */
    static void write(Path png, List<double[]> trueRun, List<double[]> randomRun, double chance, String title,
            String subtitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            centered(g, title, WIDTH / 2, 32);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.setColor(AXIS);
            centered(g, subtitle, WIDTH / 2, 54);

            int epochs = Math.max(trueRun.size(), randomRun.size());
            List<Series> accuracy = List.of(
                    new Series(column(trueRun, 1, 100), "true labels, training", TRUE, SOLID),
                    new Series(column(trueRun, 2, 100), "true labels, test", TRUE, DASHED),
                    new Series(column(randomRun, 1, 100), "random labels, training", RANDOM, SOLID),
                    new Series(column(randomRun, 2, 100), "random labels, test", RANDOM, DASHED));
            Frame left = new Frame(90, 100, 440, 370, epochs, 0, 100);
            panel(g, left, "Accuracy", "accuracy (%)", accuracy, 100 * chance);

            double[] trueLoss = column(trueRun, 0, 1);
            double[] randomLoss = column(randomRun, 0, 1);
            double top = niceCeiling(Math.max(max(trueLoss), max(randomLoss)));
            List<Series> loss = List.of(new Series(trueLoss, "true labels", TRUE, SOLID),
                    new Series(randomLoss, "random labels", RANDOM, SOLID));
            Frame right = new Frame(700, 100, 440, 370, epochs, 0, top);
            panel(g, right, "Training loss", "cross-entropy (mean over the epoch's batches)", loss, Double.NaN);
        } finally {
            g.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    private static void panel(Graphics2D g, Frame f, String title, String yLabel, List<Series> series,
            double reference) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        centered(g, title, f.left() + f.width() / 2, f.top() - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setStroke(new BasicStroke(1f));
        FontMetrics fm = g.getFontMetrics();

        // grid and y ticks: five steps of the range
        for (int i = 0; i <= 5; i++) {
            double v = f.low() + (f.high() - f.low()) * i / 5;
            int y = (int) Math.round(f.y(v));
            g.setColor(GRID);
            g.drawLine(f.left(), y, f.left() + f.width(), y);
            g.setColor(AXIS);
            g.drawLine(f.left() - 5, y, f.left(), y);
            String text = format(v);
            g.drawString(text, f.left() - 9 - fm.stringWidth(text), y + fm.getAscent() / 2 - 1);
        }
        // x ticks: every epoch when few, else about ten
        int step = Math.max(1, (int) Math.ceil(f.epochs() / 10.0));
        for (int e = 1; e <= f.epochs(); e += step) {
            int x = (int) Math.round(f.x(e));
            g.setColor(AXIS);
            g.drawLine(x, f.top() + f.height(), x, f.top() + f.height() + 5);
            centered(g, Integer.toString(e), x, f.top() + f.height() + 20);
        }
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1.2f));
        g.drawLine(f.left(), f.top(), f.left(), f.top() + f.height());
        g.drawLine(f.left(), f.top() + f.height(), f.left() + f.width(), f.top() + f.height());
        centered(g, "epoch", f.left() + f.width() / 2, f.top() + f.height() + 42);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(f.top() + f.height() / 2 + fm.stringWidth(yLabel) / 2), f.left() - 52);
        rotated.dispose();

        if (!Double.isNaN(reference)) {
            int y = (int) Math.round(f.y(reference));
            g.setColor(AXIS);
            g.setStroke(DOTTED);
            g.drawLine(f.left(), y, f.left() + f.width(), y);
            g.drawString("chance", f.left() + f.width() + 6, y + fm.getAscent() / 2 - 1); // outside: no line hides it
        }
        for (Series s : series) {
            line(g, f, s);
        }
        legend(g, f, series);
    }

    private static void line(Graphics2D g, Frame f, Series s) {
        double[] v = s.values();
        if (v.length == 0) {
            return;
        }
        Path2D path = new Path2D.Double();
        for (int i = 0; i < v.length; i++) {
            if (i == 0) {
                path.moveTo(f.x(1), f.y(v[0]));
            } else {
                path.lineTo(f.x(i + 1), f.y(v[i]));
            }
        }
        g.setColor(s.color());
        g.setStroke(s.stroke());
        g.draw(path);
        if (v.length <= 30) { // markers while they do not crowd the line
            for (int i = 0; i < v.length; i++) {
                g.fill(new Ellipse2D.Double(f.x(i + 1) - 3, f.y(v[i]) - 3, 6, 6));
            }
        }
    }

    /** A boxed legend in the corner of the panel (or at mid height) that the lines cross least. */
    private static void legend(Graphics2D g, Frame f, List<Series> series) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int textWidth = series.stream().mapToInt(s -> fm.stringWidth(s.label())).max().orElse(0);
        int rowHeight = fm.getHeight() + 2;
        int w = 44 + textWidth + 12;
        int h = rowHeight * series.size() + 10;
        int pad = 10;
        int right = f.left() + f.width() - w - pad;
        int left = f.left() + pad;
        int bottom = f.top() + f.height() - h - pad;
        int[][] corners = {{right, f.top() + pad}, {left, f.top() + pad}, {right, bottom}, {left, bottom},
            {right, f.top() + (f.height() - h) / 2}};
        int x = corners[0][0];
        int y = corners[0][1];
        int fewest = Integer.MAX_VALUE;
        for (int[] c : corners) {
            int hits = crossings(f, series, c[0], c[1], w, h);
            if (hits < fewest) {
                fewest = hits;
                x = c[0];
                y = c[1];
            }
        }
        g.setColor(new Color(255, 255, 255, 235));
        g.fillRect(x, y, w, h);
        g.setColor(GRID.darker());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, h);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int cy = y + 5 + rowHeight * i + rowHeight / 2;
            g.setColor(s.color());
            g.setStroke(s.stroke());
            g.drawLine(x + 8, cy, x + 36, cy);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), x + 44, cy + fm.getAscent() / 2 - 1);
        }
    }

    /** How many points sampled along the lines fall inside the box (with a margin of a few pixels). */
    private static int crossings(Frame f, List<Series> series, int x, int y, int w, int h) {
        int hits = 0;
        for (Series s : series) {
            double[] v = s.values();
            for (int i = 0; i + 1 < v.length; i++) {
                for (int k = 0; k <= 20; k++) {
                    double t = k / 20.0;
                    double px = f.x(i + 1 + t);
                    double py = f.y(v[i] + t * (v[i + 1] - v[i]));
                    if (px >= x - 4 && px <= x + w + 4 && py >= y - 4 && py <= y + h + 4) {
                        hits++;
                    }
                }
            }
        }
        return hits;
    }

    private static double[] column(List<double[]> rows, int index, double scale) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[index] * scale;
        }
        return out;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code v} (the loss axis's top). */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= v * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2g", v);
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}
