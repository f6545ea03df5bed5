package org.gradlab.check.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.DType;
import org.gradlab.core.Tensor;

/** The vector format's tensor: {@code {"shape": [..], "data": [row-major numbers]}}. */
public final class TensorJson {
    private TensorJson() {
    }

    /** Reads a tensor; {@code where} names the field for error messages. */
    public static Tensor read(Object json, String where) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new VectorFormatException(where + ": expected a tensor {\"shape\": [..], \"data\": [..]}, got "
                    + describe(json));
        }
        if (!(map.get("shape") instanceof List<?> shapeList)) {
            throw new VectorFormatException(where + ": tensor has no \"shape\" list");
        }
        if (!(map.get("data") instanceof List<?> dataList)) {
            throw new VectorFormatException(where + ": tensor has no \"data\" list");
        }
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Number n) || n.doubleValue() < 0
                    || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new VectorFormatException(where + ": shape " + shapeList + " must hold non-negative integers");
            }
            shape[i] = ((Number) shapeList.get(i)).intValue();
            count *= shape[i];
        }
        if (count != dataList.size()) {
            throw new VectorFormatException(where + ": shape " + Arrays.toString(shape) + " needs " + count
                    + " values, data has " + dataList.size());
        }
        double[] data = new double[dataList.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = number(dataList.get(i), where + ".data[" + i + "]");
        }
        return Tensor.of(DType.FLOAT64, data, shape);
    }

    private static double number(Object v, String where) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            switch (s) {
                case "NaN", "nan": return Double.NaN;
                case "Infinity", "inf": return Double.POSITIVE_INFINITY;
                case "-Infinity", "-inf": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new VectorFormatException(where + ": expected a number, got " + describe(v));
    }

    /** The JSON form of a tensor (FLOAT32 values written as their exact double value). */
    public static Map<String, Object> write(Tensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> shape = new ArrayList<>();
        for (int d : t.shape()) {
            shape.add((double) d);
        }
        List<Object> data = new ArrayList<>(t.numel());
        for (int i = 0; i < t.numel(); i++) {
            data.add(t.getFlat(i));
        }
        m.put("shape", shape);
        m.put("data", data);
        return m;
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = String.valueOf(v);
        return (s.length() > 60 ? s.substring(0, 60) + "…" : s) + " (" + v.getClass().getSimpleName() + ")";
    }
}
