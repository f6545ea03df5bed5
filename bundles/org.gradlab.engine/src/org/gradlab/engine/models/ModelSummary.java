package org.gradlab.engine.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gradlab.core.ShapeMismatchException;

/**
 * Per-layer output shapes, parameter counts, receptive fields and multiply-adds of a {@link LayerSpec}
 * list for one per-sample input shape, with totals; computed from the specs alone, so summarising
 * VGG16 allocates no weights.
 *
 * <p>Receptive field: side length of the input window that one output element depends on, and its
 * jump (input pixels between neighbouring outputs). A k×k window with stride s maps (r, j) to
 * (r + (k − 1)·j, j·s), with k the effective kernel dilation·(kernel − 1) + 1 of a dilated convolution; element-wise layers, dropout and batch norm keep it. It is tracked only from a
 * (C, H, W) input while outputs stay spatial: after Flatten or Linear every output mixes all positions,
 * and the column shows "-".
 *
 * <p>Multiply-adds per sample: convolution outC·outH·outW·(inC/groups)·kh·kw, linear in·out per row; pooling,
 * activations, dropout, flatten and batch norm count 0 (they do comparisons or a few operations per
 * element, not products of inputs and weights); bias additions are not counted.
 */
public final class ModelSummary {

    public record ReceptiveField(int size, int jump) {
        ReceptiveField through(int kernel, int stride) {
            return new ReceptiveField(size + (kernel - 1) * jump, jump * stride);
        }

        @Override
        public String toString() {
            return size + " (" + jump + ")";
        }
    }

    /** One layer; {@code receptiveField} is null where it is not defined (see the class comment). */
    public record Row(int index, LayerSpec layer, int[] outputShape, long parameters,
            ReceptiveField receptiveField, long multAdds) {
        public Row {
            outputShape = outputShape.clone();
        }

        @Override
        public int[] outputShape() {
            return outputShape.clone();
        }
    }

    private final int[] inputShape;
    private final List<Row> rows;

    private ModelSummary(int[] inputShape, List<Row> rows) {
        this.inputShape = inputShape;
        this.rows = List.copyOf(rows);
    }

    /** Summarises {@code layers} for one sample of shape {@code input} (no batch axis), e.g. 3, 224, 224. */
    public static ModelSummary of(List<LayerSpec> layers, int... input) {
        for (int d : input) {
            if (d <= 0) {
                throw ShapeMismatchException.of("summary", "input dimensions must be positive", input);
            }
        }
        List<Row> rows = new ArrayList<>();
        int[] shape = input.clone();
        ReceptiveField rf = shape.length == 3 ? new ReceptiveField(1, 1) : null;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec spec = layers.get(i);
            int[] out;
            try {
                out = spec.outputShape(shape);
            } catch (ShapeMismatchException e) {
                throw new ShapeMismatchException("layer " + i + " " + e.getMessage());
            }
            rf = rf == null ? null : switch (spec) {
                case LayerSpec.Conv c -> rf.through(c.effectiveKernel(), c.stride());
                case LayerSpec.MaxPool m -> rf.through(m.kernel(), m.stride());
                case LayerSpec.FlattenSpec f -> null;
                case LayerSpec.LinearSpec l -> null;
                case LayerSpec.BatchNorm b -> rf;
                case LayerSpec.DropoutSpec d -> rf;
                case LayerSpec.Elementwise e -> rf;
            };
            rows.add(new Row(i, spec, out, spec.parameterCount(), rf, spec.multAdds(shape, out)));
            shape = out;
        }
        return new ModelSummary(input.clone(), rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Shape of the last layer's output (the input shape for an empty list). */
    public int[] outputShape() {
        return rows.isEmpty() ? inputShape.clone() : rows.get(rows.size() - 1).outputShape();
    }

    public long totalParameters() {
        return rows.stream().mapToLong(Row::parameters).sum();
    }

    public long totalMultAdds() {
        return rows.stream().mapToLong(Row::multAdds).sum();
    }

    /** Thousands separators as in "138,357,544", whatever the default locale. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A table with one line per layer and the totals, lines ended by '\n'. */
    public String format() {
        String[] header = {"#", "Layer", "Output shape", "Params", "RF (jump)", "Mult-adds"};
        List<String[]> cells = new ArrayList<>();
        cells.add(header);
        for (Row r : rows) {
            cells.add(new String[] {Integer.toString(r.index()), r.layer().describe(),
                LayerSpec.format(r.outputShape()), grouped(r.parameters()),
                r.receptiveField() == null ? "-" : r.receptiveField().toString(), grouped(r.multAdds())});
        }
        int[] width = new int[header.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Input: ").append(LayerSpec.format(inputShape)).append('\n');
        for (int k = 0; k < cells.size(); k++) {
            String[] row = cells.get(k);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean numeric = c == 0 || c == 3 || c == 5; // right-aligned so digit groups line up
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? "" : "  ").append(numeric ? pad + row[c] : row[c] + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (k == 0) {
                sb.append("-".repeat(line.length())).append('\n');
            }
        }
        long params = totalParameters();
        sb.append("Total params: ").append(grouped(params)).append('\n');
        sb.append("Total mult-adds: ").append(grouped(totalMultAdds())).append(" per sample\n");
        sb.append("Output shape: ").append(LayerSpec.format(outputShape())).append('\n');
        sb.append(String.format(Locale.ROOT, "Params size: %.1f MiB as float64, %.1f MiB as float32\n",
                params * 8 / 1048576.0, params * 4 / 1048576.0));
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
