package org.gradlab.course.task;

/**
 * One LaTeX span of a task text: {@code $…$} (inline) or {@code $$…$$} (display), with the TeX
 * between the delimiters exactly as written.
 */
public record MathSpan(String tex, boolean display) {

    /** The span as it stood in the Markdown source, delimiters included. */
    public String source() {
        String delimiter = display ? "$$" : "$";
        return delimiter + tex + delimiter;
    }
}
