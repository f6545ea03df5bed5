package org.gradlab.core;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.gradlab.core.spi.Kernels;
import org.gradlab.core.spi.TensorData;

/**
 * An n-dimensional array of float64 or float32 numbers in row-major order, with only
 * primitive operations: elementwise arithmetic with broadcasting, reductions along axes,
 * matrix multiplication, reshaping, transposition, slicing and element access.
 *
 * <p>Every operation returns a new tensor except the ones named {@code ...InPlace}, {@link #set},
 * {@link #fill} and {@link #copyFrom}. Every kernel computes in double lanes over the elements
 * and rounds once when a FLOAT32 result is stored, so both types share one implementation.
 * Mixed types promote to FLOAT64, as in PyTorch.
 */
public final class Tensor {
    private final int[] shape;
    private final DType dtype;
    private final double[] f64; // exactly one of f64 / f32 is non-null
    private final float[] f32;

    static {
        TensorData.install(new Access());
    }

    private Tensor(DType dtype, int[] shape, double[] data) {
        this.shape = shape;
        this.dtype = dtype;
        if (data.length != Shapes.numel(shape)) {
            throw new IllegalArgumentException("tensor data has " + data.length + " values but shape "
                    + Arrays.toString(shape) + " needs " + Shapes.numel(shape));
        }
        if (dtype == DType.FLOAT64) {
            this.f64 = data;
            this.f32 = null;
        } else {
            this.f64 = null;
            this.f32 = new float[data.length];
            for (int i = 0; i < data.length; i++) {
                f32[i] = (float) data[i];
            }
        }
    }

    private static final class Access implements TensorData.Access {
        @Override
        public double[] read(Tensor t) {
            return t.values();
        }

        @Override
        public Tensor wrap(DType dtype, int[] shape, double[] data) {
            return new Tensor(dtype, shape.clone(), data);
        }
    }

    // ---------------------------------------------------------------- creation

    /** A FLOAT64 tensor holding a copy of {@code data} with the given shape. */
    public static Tensor of(double[] data, int... shape) {
        return of(DType.FLOAT64, data, shape);
    }

    public static Tensor of(DType dtype, double[] data, int... shape) {
        return new Tensor(dtype, Shapes.checked("Tensor.of", shape), data.clone());
    }

    /** A 1-d FLOAT64 tensor of the given values. */
    public static Tensor vector(double... values) {
        return of(values, values.length);
    }

    /** A 0-d (scalar) tensor. */
    public static Tensor scalar(double value) {
        return scalar(DType.FLOAT64, value);
    }

    public static Tensor scalar(DType dtype, double value) {
        return new Tensor(dtype, new int[0], new double[] {value});
    }

    /** A 2-d FLOAT64 tensor from rows of equal length. */
    public static Tensor matrix(double[]... rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("Tensor.matrix: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(DType.FLOAT64, new int[] {rows.length, cols}, data);
    }

    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT64, shape);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        int[] s = Shapes.checked("Tensor.zeros", shape);
        return new Tensor(dtype, s, new double[Shapes.numel(s)]);
    }

    public static Tensor ones(int... shape) {
        return full(DType.FLOAT64, 1.0, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1.0, shape);
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        int[] s = Shapes.checked("Tensor.full", shape);
        double[] data = new double[Shapes.numel(s)];
        Arrays.fill(data, value);
        return new Tensor(dtype, s, data);
    }

    /** 0, 1, …, n−1 as a 1-d FLOAT64 tensor. */
    public static Tensor arange(int n) {
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = i;
        }
        return new Tensor(DType.FLOAT64, new int[] {n}, data);
    }

    /** Standard normal entries drawn from {@code rng}. */
    public static Tensor randn(Rng rng, int... shape) {
        return randn(DType.FLOAT64, rng, shape);
    }

    public static Tensor randn(DType dtype, Rng rng, int... shape) {
        int[] s = Shapes.checked("Tensor.randn", shape);
        double[] data = new double[Shapes.numel(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.normal();
        }
        return new Tensor(dtype, s, data);
    }

    /** Uniform entries in [low, high) drawn from {@code rng}. */
    public static Tensor uniform(Rng rng, double low, double high, int... shape) {
        return uniform(DType.FLOAT64, rng, low, high, shape);
    }

    public static Tensor uniform(DType dtype, Rng rng, double low, double high, int... shape) {
        int[] s = Shapes.checked("Tensor.uniform", shape);
        double[] data = new double[Shapes.numel(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.uniform(low, high);
        }
        return new Tensor(dtype, s, data);
    }

    /** Zeros with this tensor's shape and type. */
    public Tensor zerosLike() {
        return zeros(dtype, shape);
    }

    // ---------------------------------------------------------------- metadata

    public int[] shape() {
        return shape.clone();
    }

    /** Size of one axis; negative axes count from the end. */
    public int size(int axis) {
        return shape[Shapes.axis("size", axis, shape.length)];
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return f64 != null ? f64.length : f32.length;
    }

    public DType dtype() {
        return dtype;
    }

    /** True when both tensors have the same shape (types may differ). */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    // ---------------------------------------------------------------- element access

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates but the tensor has shape " + Arrays.toString(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            int i = index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape "
                        + Arrays.toString(shape) + " (axis " + d + ")");
            }
            flat = flat * shape[d] + i;
        }
        return flat;
    }

    /** The element at a full index, e.g. {@code x.get(n, c, h, w)}. */
    public double get(int... index) {
        return getFlat(flatIndex(index));
    }

    /** Stores {@code value} at a full index, e.g. {@code x.set(1.5, n, c, h, w)}. */
    public void set(double value, int... index) {
        setFlat(flatIndex(index), value);
    }

    /** The element at a row-major position. */
    public double getFlat(int i) {
        return f64 != null ? f64[i] : f32[i];
    }

    public void setFlat(int i, double value) {
        if (f64 != null) {
            f64[i] = value;
        } else {
            f32[i] = (float) value;
        }
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item(): expected a tensor with one element, got shape "
                    + Arrays.toString(shape));
        }
        return getFlat(0);
    }

    /** A copy of the elements in row-major order. */
    public double[] toArray() {
        return f64 != null ? f64.clone() : values();
    }

    /** Elements as doubles: the backing array for FLOAT64 (do not write), a copy for FLOAT32. */
    private double[] values() {
        if (f64 != null) {
            return f64;
        }
        double[] out = new double[f32.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f32[i];
        }
        return out;
    }

    private Tensor result(DType type, int[] outShape, double[] data) {
        return new Tensor(type, outShape, data);
    }

    public Tensor copy() {
        return result(dtype, shape.clone(), toArray());
    }

    /** This tensor converted to another element type. */
    public Tensor to(DType type) {
        return result(type, shape.clone(), toArray());
    }

    // ---------------------------------------------------------------- elementwise

    private enum BinaryOp {
        ADD, SUB, MUL, DIV, POW, MAX, MIN, GT, GE, LT, LE, EQ
    }

    private Tensor binary(String name, BinaryOp op, Tensor other) {
        int[] outShape = Shapes.broadcast(name, shape, other.shape);
        double[] a = values();
        double[] b = other.values();
        int n = Shapes.numel(outShape);
        double[] out = new double[n];
        if (Arrays.equals(shape, outShape) && Arrays.equals(other.shape, outShape)) {
            applyBinary(op, a, null, b, null, out);
        } else {
            int[] ia = Arrays.equals(shape, outShape) ? null : Shapes.broadcastIndex(shape, outShape);
            int[] ib = Arrays.equals(other.shape, outShape) ? null : Shapes.broadcastIndex(other.shape, outShape);
            applyBinary(op, a, ia, b, ib, out);
        }
        return result(DType.promote(dtype, other.dtype), outShape, out);
    }

    /** One tight loop per operator; {@code ia}/{@code ib} map output positions to inputs (null: identity). */
    private static void applyBinary(BinaryOp op, double[] a, int[] ia, double[] b, int[] ib, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] + b[ib == null ? i : ib[i]]; }
            case SUB -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] - b[ib == null ? i : ib[i]]; }
            case MUL -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] * b[ib == null ? i : ib[i]]; }
            case DIV -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] / b[ib == null ? i : ib[i]]; }
            case POW -> { for (int i = 0; i < n; i++) out[i] = Math.pow(a[ia == null ? i : ia[i]], b[ib == null ? i : ib[i]]); }
            case MAX -> { for (int i = 0; i < n; i++) out[i] = Math.max(a[ia == null ? i : ia[i]], b[ib == null ? i : ib[i]]); }
            case MIN -> { for (int i = 0; i < n; i++) out[i] = Math.min(a[ia == null ? i : ia[i]], b[ib == null ? i : ib[i]]); }
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] > b[ib == null ? i : ib[i]] ? 1 : 0; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] >= b[ib == null ? i : ib[i]] ? 1 : 0; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] < b[ib == null ? i : ib[i]] ? 1 : 0; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] <= b[ib == null ? i : ib[i]] ? 1 : 0; }
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[ia == null ? i : ia[i]] == b[ib == null ? i : ib[i]] ? 1 : 0; }
            default -> throw new AssertionError(op);
        }
    }

    private Tensor scalarOperand(double v) {
        return scalar(dtype, v);
    }

    public Tensor add(Tensor other) {
        return binary("add", BinaryOp.ADD, other);
    }

    public Tensor sub(Tensor other) {
        return binary("sub", BinaryOp.SUB, other);
    }

    public Tensor mul(Tensor other) {
        return binary("mul", BinaryOp.MUL, other);
    }

    public Tensor div(Tensor other) {
        return binary("div", BinaryOp.DIV, other);
    }

    public Tensor pow(Tensor exponent) {
        return binary("pow", BinaryOp.POW, exponent);
    }

    /** Elementwise maximum of two tensors (broadcast). */
    public Tensor maximum(Tensor other) {
        return binary("maximum", BinaryOp.MAX, other);
    }

    public Tensor minimum(Tensor other) {
        return binary("minimum", BinaryOp.MIN, other);
    }

    /** 1 where this &gt; other, else 0 (broadcast). */
    public Tensor gt(Tensor other) {
        return binary("gt", BinaryOp.GT, other);
    }

    public Tensor ge(Tensor other) {
        return binary("ge", BinaryOp.GE, other);
    }

    public Tensor lt(Tensor other) {
        return binary("lt", BinaryOp.LT, other);
    }

    public Tensor le(Tensor other) {
        return binary("le", BinaryOp.LE, other);
    }

    public Tensor eq(Tensor other) {
        return binary("eq", BinaryOp.EQ, other);
    }

    public Tensor add(double v) {
        return binary("add", BinaryOp.ADD, scalarOperand(v));
    }

    public Tensor sub(double v) {
        return binary("sub", BinaryOp.SUB, scalarOperand(v));
    }

    public Tensor mul(double v) {
        return binary("mul", BinaryOp.MUL, scalarOperand(v));
    }

    public Tensor div(double v) {
        return binary("div", BinaryOp.DIV, scalarOperand(v));
    }

    public Tensor pow(double exponent) {
        return binary("pow", BinaryOp.POW, scalarOperand(exponent));
    }

    public Tensor maximum(double v) {
        return binary("maximum", BinaryOp.MAX, scalarOperand(v));
    }

    public Tensor minimum(double v) {
        return binary("minimum", BinaryOp.MIN, scalarOperand(v));
    }

    public Tensor gt(double v) {
        return binary("gt", BinaryOp.GT, scalarOperand(v));
    }

    public Tensor ge(double v) {
        return binary("ge", BinaryOp.GE, scalarOperand(v));
    }

    public Tensor lt(double v) {
        return binary("lt", BinaryOp.LT, scalarOperand(v));
    }

    public Tensor le(double v) {
        return binary("le", BinaryOp.LE, scalarOperand(v));
    }

    public Tensor eq(double v) {
        return binary("eq", BinaryOp.EQ, scalarOperand(v));
    }

    /** {@code v - this}. */
    public Tensor rsub(double v) {
        return scalarOperand(v).sub(this);
    }

    /** Elementwise {@code mask != 0 ? a : b} with broadcasting of all three. */
    public static Tensor where(Tensor mask, Tensor a, Tensor b) {
        int[] outShape = Shapes.broadcast("where", Shapes.broadcast("where", mask.shape, a.shape), b.shape);
        int[] im = Shapes.broadcastIndex(mask.shape, outShape);
        int[] ia = Shapes.broadcastIndex(a.shape, outShape);
        int[] ib = Shapes.broadcastIndex(b.shape, outShape);
        double[] m = mask.values();
        double[] av = a.values();
        double[] bv = b.values();
        double[] out = new double[im.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = m[im[i]] != 0 ? av[ia[i]] : bv[ib[i]];
        }
        return new Tensor(DType.promote(a.dtype, b.dtype), outShape, out);
    }

    private enum UnaryOp {
        NEG, EXP, LOG, SQRT, ABS, SIGN, SQUARE, RECIPROCAL
    }

    private Tensor unary(UnaryOp op) {
        double[] a = values();
        double[] out = new double[a.length];
        int n = a.length;
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) out[i] = -a[i]; }
            case EXP -> { for (int i = 0; i < n; i++) out[i] = Math.exp(a[i]); }
            case LOG -> { for (int i = 0; i < n; i++) out[i] = Math.log(a[i]); }
            case SQRT -> { for (int i = 0; i < n; i++) out[i] = Math.sqrt(a[i]); }
            case ABS -> { for (int i = 0; i < n; i++) out[i] = Math.abs(a[i]); }
            case SIGN -> { for (int i = 0; i < n; i++) out[i] = Math.signum(a[i]); }
            case SQUARE -> { for (int i = 0; i < n; i++) out[i] = a[i] * a[i]; }
            case RECIPROCAL -> { for (int i = 0; i < n; i++) out[i] = 1.0 / a[i]; }
            default -> throw new AssertionError(op);
        }
        return result(dtype, shape.clone(), out);
    }

    public Tensor neg() {
        return unary(UnaryOp.NEG);
    }

    public Tensor exp() {
        return unary(UnaryOp.EXP);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return unary(UnaryOp.LOG);
    }

    public Tensor sqrt() {
        return unary(UnaryOp.SQRT);
    }

    public Tensor abs() {
        return unary(UnaryOp.ABS);
    }

    /** −1, 0 or 1 per element. */
    public Tensor sign() {
        return unary(UnaryOp.SIGN);
    }

    public Tensor square() {
        return unary(UnaryOp.SQUARE);
    }

    public Tensor reciprocal() {
        return unary(UnaryOp.RECIPROCAL);
    }

    /** Limits every element to [low, high]. */
    public Tensor clamp(double low, double high) {
        return maximum(low).minimum(high);
    }

    /** Applies {@code f} to every element (convenient for loop-free student code; not a hot-path kernel). */
    public Tensor map(DoubleUnaryOperator f) {
        double[] a = values();
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = f.applyAsDouble(a[i]);
        }
        return result(dtype, shape.clone(), out);
    }

    /** Combines two tensors of the same broadcast shape elementwise with {@code f}. */
    public Tensor zipWith(Tensor other, DoubleBinaryOperator f) {
        int[] outShape = Shapes.broadcast("zipWith", shape, other.shape);
        int[] ia = Shapes.broadcastIndex(shape, outShape);
        int[] ib = Shapes.broadcastIndex(other.shape, outShape);
        double[] a = values();
        double[] b = other.values();
        double[] out = new double[ia.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(a[ia[i]], b[ib[i]]);
        }
        return result(DType.promote(dtype, other.dtype), outShape, out);
    }

    // ---------------------------------------------------------------- in place

    private void checkSameShape(String op, Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw ShapeMismatchException.of(op, "in-place operands must have the same shape", shape, other.shape);
        }
    }

    /** this += other (same shape). */
    public Tensor addInPlace(Tensor other) {
        return addScaledInPlace(1.0, other);
    }

    /** this += alpha · other (same shape): the axpy of optimizers and gradient accumulation. */
    public Tensor addScaledInPlace(double alpha, Tensor other) {
        checkSameShape("addScaledInPlace", other);
        double[] b = other.values();
        if (f64 != null) {
            for (int i = 0; i < f64.length; i++) {
                f64[i] += alpha * b[i];
            }
        } else {
            for (int i = 0; i < f32.length; i++) {
                f32[i] = (float) (f32[i] + alpha * b[i]);
            }
        }
        return this;
    }

    /** this -= other (same shape). */
    public Tensor subInPlace(Tensor other) {
        return addScaledInPlace(-1.0, other);
    }

    /** this *= v. */
    public Tensor mulInPlace(double v) {
        if (f64 != null) {
            for (int i = 0; i < f64.length; i++) {
                f64[i] *= v;
            }
        } else {
            for (int i = 0; i < f32.length; i++) {
                f32[i] = (float) (f32[i] * v);
            }
        }
        return this;
    }

    public Tensor fill(double v) {
        if (f64 != null) {
            Arrays.fill(f64, v);
        } else {
            Arrays.fill(f32, (float) v);
        }
        return this;
    }

    /** Overwrites this tensor's elements with {@code other}'s (same shape). */
    public Tensor copyFrom(Tensor other) {
        checkSameShape("copyFrom", other);
        double[] b = other.values();
        for (int i = 0; i < b.length; i++) {
            setFlat(i, b[i]);
        }
        return this;
    }

    // ---------------------------------------------------------------- reductions

    public double sumAll() {
        double s = 0.0;
        for (double v : values()) {
            s += v;
        }
        return s;
    }

    public double meanAll() {
        return sumAll() / numel();
    }

    public double maxAll() {
        if (numel() == 0) {
            throw new IllegalStateException("maxAll(): the tensor is empty");
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values()) {
            if (v > m || Double.isNaN(v)) {
                m = v;
                if (Double.isNaN(v)) {
                    break;
                }
            }
        }
        return m;
    }

    public double minAll() {
        return -neg().maxAll();
    }

    private enum ReduceOp {
        SUM, MAX, MIN, ARGMAX, ARGMIN
    }

    /** Reduces one axis: the tensor is viewed as (outer, len, inner). */
    private Tensor reduce(String name, ReduceOp op, int axis, boolean keepDim) {
        int a = Shapes.axis(name, axis, shape.length);
        AxisView view = AxisView.of(name, shape, a);
        int len = view.len();
        int outer = view.outer();
        int inner = view.inner();
        if (len == 0 && op != ReduceOp.SUM) {
            throw new IllegalArgumentException(name + ": cannot reduce an empty axis " + axis + " of shape "
                    + Arrays.toString(shape));
        }
        double[] x = values();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            int base = o * len * inner;
            for (int i = 0; i < inner; i++) {
                double acc = op == ReduceOp.SUM ? 0.0 : x[base + i];
                int best = 0;
                for (int k = op == ReduceOp.SUM ? 0 : 1; k < len; k++) {
                    double v = x[base + k * inner + i];
                    switch (op) {
                        case SUM -> acc += v;
                        case MAX, ARGMAX -> { if (v > acc) { acc = v; best = k; } }
                        case MIN, ARGMIN -> { if (v < acc) { acc = v; best = k; } }
                        default -> throw new AssertionError(op);
                    }
                }
                out[o * inner + i] = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN ? best : acc;
            }
        }
        int[] outShape = reducedShape(a, keepDim);
        DType type = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN ? DType.FLOAT64 : dtype;
        return result(type, outShape, out);
    }

    private int[] reducedShape(int axis, boolean keepDim) {
        if (keepDim) {
            int[] s = shape.clone();
            s[axis] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != axis) {
                s[j++] = shape[d];
            }
        }
        return s;
    }

    /** Sum along one axis. */
    public Tensor sum(int axis, boolean keepDim) {
        return reduce("sum", ReduceOp.SUM, axis, keepDim);
    }

    /** Sum along several axes (in any order; negative axes allowed). */
    public Tensor sum(int[] axes, boolean keepDim) {
        int[] sorted = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            sorted[i] = Shapes.axis("sum", axes[i], shape.length);
        }
        Arrays.sort(sorted);
        Tensor t = this;
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (i < sorted.length - 1 && sorted[i] == sorted[i + 1]) {
                throw new IllegalArgumentException("sum: axis " + sorted[i] + " given twice in "
                        + Arrays.toString(axes));
            }
            t = t.reduce("sum", ReduceOp.SUM, sorted[i], keepDim);
        }
        return t;
    }

    public Tensor mean(int axis, boolean keepDim) {
        return sum(axis, keepDim).div(size(axis));
    }

    public Tensor mean(int[] axes, boolean keepDim) {
        int count = 1;
        for (int a : axes) {
            count *= size(a);
        }
        return sum(axes, keepDim).div(count);
    }

    public Tensor max(int axis, boolean keepDim) {
        return reduce("max", ReduceOp.MAX, axis, keepDim);
    }

    public Tensor min(int axis, boolean keepDim) {
        return reduce("min", ReduceOp.MIN, axis, keepDim);
    }

    /** Index of the first maximum along an axis (FLOAT64 holding integers). */
    public Tensor argmax(int axis, boolean keepDim) {
        return reduce("argmax", ReduceOp.ARGMAX, axis, keepDim);
    }

    public Tensor argmin(int axis, boolean keepDim) {
        return reduce("argmin", ReduceOp.ARGMIN, axis, keepDim);
    }

    /**
     * Sums this tensor down to {@code target} shape: the adjoint of broadcasting, used by
     * backward passes of broadcast operations.
     */
    public Tensor sumTo(int... target) {
        if (Arrays.equals(shape, target)) {
            return this;
        }
        int[] check = Shapes.broadcast("sumTo", target, shape);
        if (!Arrays.equals(check, shape)) {
            throw ShapeMismatchException.of("sumTo", "target does not broadcast to this shape", target, shape);
        }
        Tensor t = this;
        int lead = shape.length - target.length;
        for (int i = 0; i < lead; i++) {
            t = t.sum(0, false);
        }
        for (int d = 0; d < target.length; d++) {
            if (target[d] == 1 && t.shape[d] != 1) {
                t = t.sum(d, true);
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product with {@code torch.matmul} semantics: 1-d operands are promoted to a row
     * (left) or column (right) and the added axis removed; leading batch axes broadcast.
     */
    public Tensor matmul(Tensor other) {
        if (shape.length == 0 || other.shape.length == 0) {
            throw ShapeMismatchException.of("matmul", "both operands need at least one dimension",
                    shape, other.shape);
        }
        Tensor a = shape.length == 1 ? reshape(1, shape[0]) : this;
        Tensor b = other.shape.length == 1 ? other.reshape(other.shape[0], 1) : other;
        int m = a.shape[a.shape.length - 2];
        int k = a.shape[a.shape.length - 1];
        int kb = b.shape[b.shape.length - 2];
        int n = b.shape[b.shape.length - 1];
        if (k != kb) {
            throw ShapeMismatchException.of("matmul", "inner dimensions differ (" + k + " vs " + kb + ")",
                    shape, other.shape);
        }
        int[] batchA = Arrays.copyOf(a.shape, a.shape.length - 2);
        int[] batchB = Arrays.copyOf(b.shape, b.shape.length - 2);
        int[] batch = Shapes.broadcast("matmul", batchA, batchB);
        int batches = Shapes.numel(batch);
        int[] ia = Shapes.broadcastIndex(batchA, batch);
        int[] ib = Shapes.broadcastIndex(batchB, batch);
        double[] av = a.values();
        double[] bv = b.values();
        double[] out = new double[batches * m * n];
        for (int t = 0; t < batches; t++) {
            Kernels.gemm(false, false, m, n, k, av, ia[t] * m * k, bv, ib[t] * k * n, out, t * m * n);
        }
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor r = result(DType.promote(dtype, other.dtype), outShape, out);
        if (other.shape.length == 1) {
            r = r.squeeze(-1);
        }
        if (shape.length == 1) {
            r = r.squeeze(other.shape.length == 1 ? -1 : -2);
        }
        return r;
    }

    // ---------------------------------------------------------------- shape

    /** Same elements, new shape; one dimension may be −1 (inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension can be -1 in "
                            + Arrays.toString(newShape));
                }
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(newShape));
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel() % known != 0) {
                throw ShapeMismatchException.of("reshape", "cannot infer -1 for " + numel() + " elements",
                        shape, newShape);
            }
            s[infer] = (int) (numel() / known);
        }
        if (Shapes.numel(s) != numel()) {
            throw ShapeMismatchException.of("reshape", "element counts differ (" + numel() + " vs "
                    + Shapes.numel(s) + ")", shape, newShape);
        }
        return result(dtype, s, toArray());
    }

    /** Collapses all axes from {@code startAxis} on into one. */
    public Tensor flatten(int startAxis) {
        int a = Shapes.axis("flatten", startAxis, Math.max(1, shape.length));
        int[] s = Arrays.copyOf(shape, a + 1);
        int rest = 1;
        for (int d = a; d < shape.length; d++) {
            rest *= shape[d];
        }
        s[a] = rest;
        return reshape(s);
    }

    /** Inserts an axis of size 1. */
    public Tensor unsqueeze(int axis) {
        int a = Shapes.axis("unsqueeze", axis, shape.length + 1);
        int[] s = new int[shape.length + 1];
        for (int d = 0, j = 0; d < s.length; d++) {
            s[d] = d == a ? 1 : shape[j++];
        }
        return reshape(s);
    }

    /** Removes an axis of size 1. */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis("squeeze", axis, shape.length);
        if (shape[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " has size " + shape[a]
                    + ", expected 1 (shape " + Arrays.toString(shape) + ")");
        }
        return reshape(reducedShape(a, false));
    }

    /** Reorders axes: output axis i is input axis {@code order[i]}. */
    public Tensor permute(int... order) {
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " has "
                    + order.length + " axes but the tensor has shape " + Arrays.toString(shape));
        }
        int[] axes = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            axes[i] = Shapes.axis("permute", order[i], shape.length);
            if (seen[axes[i]]) {
                throw new IllegalArgumentException("permute: axis " + order[i] + " repeated in "
                        + Arrays.toString(order));
            }
            seen[axes[i]] = true;
        }
        int[] outShape = new int[shape.length];
        int[] inStrides = Shapes.strides(shape);
        int[] strides = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            outShape[i] = shape[axes[i]];
            strides[i] = inStrides[axes[i]];
        }
        double[] x = values();
        int[] gather = Shapes.stridedIndex(outShape, strides);
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[gather[i]];
        }
        return result(dtype, outShape, out);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axis0, int axis1) {
        int[] order = new int[shape.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = Shapes.axis("transpose", axis0, shape.length);
        int b = Shapes.axis("transpose", axis1, shape.length);
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** Transpose of a 2-d tensor. */
    public Tensor t() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("t(): expected a 2-d tensor, got shape " + Arrays.toString(shape));
        }
        return transpose(0, 1);
    }

    /** Elements {@code start, start+step, …} (before {@code end}) along an axis. */
    public Tensor slice(int axis, int start, int end, int step) {
        int a = Shapes.axis("slice", axis, shape.length);
        int len = shape[a];
        if (step <= 0 || start < 0 || end > len || start > end) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") step " + step
                    + " does not fit axis " + axis + " of size " + len + " (shape " + Arrays.toString(shape) + ")");
        }
        int count = (end - start + step - 1) / step;
        AxisView view = AxisView.of("slice", shape, a);
        int outer = view.outer();
        int inner = view.inner();
        double[] x = values();
        double[] out = new double[outer * count * inner];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < count; c++) {
                System.arraycopy(x, (o * len + start + c * step) * inner, out, (o * count + c) * inner, inner);
            }
        }
        int[] s = shape.clone();
        s[a] = count;
        return result(dtype, s, out);
    }

    public Tensor slice(int axis, int start, int end) {
        return slice(axis, start, end, 1);
    }

    /** The sub-tensor at position {@code index} of an axis, with that axis removed. */
    public Tensor select(int axis, int index) {
        int a = Shapes.axis("select", axis, shape.length);
        if (index < 0 || index >= shape[a]) {
            throw new IndexOutOfBoundsException("select: index " + index + " is outside axis " + axis
                    + " of size " + shape[a]);
        }
        return slice(a, index, index + 1, 1).squeeze(a);
    }

    /** Joins tensors of equal shape except along {@code axis}. */
    public static Tensor cat(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cat: no tensors given");
        }
        int[] first = parts.get(0).shape;
        int a = Shapes.axis("cat", axis, first.length);
        int total = 0;
        DType type = parts.get(0).dtype;
        for (Tensor p : parts) {
            if (p.shape.length != first.length) {
                throw ShapeMismatchException.of("cat", "ranks differ", first, p.shape);
            }
            for (int d = 0; d < first.length; d++) {
                if (d != a && p.shape[d] != first[d]) {
                    throw ShapeMismatchException.of("cat", "sizes differ outside axis " + a, first, p.shape);
                }
            }
            total += p.shape[a];
            type = DType.promote(type, p.dtype);
        }
        AxisView view = AxisView.of("cat", first, a);
        int outer = view.outer();
        int inner = view.inner();
        double[] out = new double[outer * total * inner];
        int offset = 0;
        for (Tensor p : parts) {
            double[] x = p.values();
            int len = p.shape[a];
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x, o * len * inner, out, (o * total + offset) * inner, len * inner);
            }
            offset += len;
        }
        int[] s = first.clone();
        s[a] = total;
        return new Tensor(type, s, out);
    }

    /** Stacks tensors of equal shape along a new axis. */
    public static Tensor stack(List<Tensor> parts, int axis) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("stack: no tensors given");
        }
        int rank = parts.get(0).shape.length;
        int a = Shapes.axis("stack", axis, rank + 1);
        return cat(parts.stream().map(p -> {
            if (p.shape.length != rank) {
                throw ShapeMismatchException.of("stack", "shapes differ", parts.get(0).shape, p.shape);
            }
            return p.unsqueeze(a);
        }).toList(), a);
    }

    // ---------------------------------------------------------------- comparison and printing

    /** True when shapes match and |a−b| ≤ atol + rtol·|b| everywhere (NaNs never match). */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!sameShape(other)) {
            return false;
        }
        double[] a = values();
        double[] b = other.values();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]))) {
                if (!(a[i] == b[i])) { // equal infinities are close
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ')
                .append(dtype.name().toLowerCase()).append(" [");
        int n = numel();
        int shown = Math.min(n, 8);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(getFlat(i));
        }
        if (n > shown) {
            sb.append(", … (").append(n - shown).append(" more)");
        }
        return sb.append(']').toString();
    }
}
