package org.gradlab.check.selfcheck;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A chart of a training exercise's self-check, e.g. loss per epoch with true and with random
 * labels: a title, the axes' labels and one or more series of (x, y) points.
 */
public record Curve(String title, String xLabel, String yLabel, List<Series> series) {

    public Curve {
        series = List.copyOf(series);
    }

    /** One line of the chart; {@code x} and {@code y} have the same length. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length
                        + " y values");
            }
            x = x.clone();
            y = y.clone();
        }

        /** y against 1, 2, 3…: a value per epoch. */
        public static Series perEpoch(String name, double[] y) {
            double[] x = new double[y.length];
            Arrays.setAll(x, i -> i + 1);
            return new Series(name, x, y);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && Objects.equals(name, s.name) && Arrays.equals(x, s.x)
                    && Arrays.equals(y, s.y);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
        }

        @Override
        public String toString() {
            return "Series[" + name + ", x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + "]";
        }
    }
}
