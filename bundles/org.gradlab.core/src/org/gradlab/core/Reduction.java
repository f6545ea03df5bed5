package org.gradlab.core;

/** How a loss folds per-element losses into one number (PyTorch's {@code reduction}). */
public enum Reduction {
    MEAN,
    SUM;

    /** Parses PyTorch's spelling: "mean" or "sum". */
    public static Reduction parse(String name) {
        return switch (name) {
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new IllegalArgumentException(
                    "reduction: expected \"mean\" or \"sum\", got \"" + name + "\"");
        };
    }
}
