package org.gradlab.engine.autodiff;

/** A formula that {@link Expression#parse} cannot read; the message names the 1-based column. */
public final class ExpressionParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;

    ExpressionParseException(String problem, int column) {
        super(problem.replace("{col}", "at column " + column));
        this.column = column;
    }

    /** 1-based position in the text where the problem was found. */
    public int column() {
        return column;
    }
}
