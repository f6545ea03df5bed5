package org.gradlab.grader.compile;

/** One compiler message, located in the submission: {@code file} is relative to the source root. */
public record CompileDiagnostic(String file, int line, boolean error, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + (error ? "error" : "warning") + ": " + message;
    }
}
