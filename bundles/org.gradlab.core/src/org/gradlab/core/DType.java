package org.gradlab.core;

/** Element type of a {@link Tensor}. Kernels compute in double lanes; FLOAT32 rounds what it stores. */
public enum DType {
    FLOAT64(8),
    FLOAT32(4);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per stored element. */
    public int bytes() {
        return bytes;
    }

    /** The wider of two types, as PyTorch promotes float32 with float64. */
    public static DType promote(DType a, DType b) {
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }

    /** The value as this type stores it (rounded to the nearest float for FLOAT32). */
    public double round(double v) {
        return this == FLOAT32 ? (double) (float) v : v;
    }
}
