package org.gradlab.check.run;

/**
 * A compile error in the student's sources: {@code file} relative to src/ with '/' separators
 * ("activations/ReLU.java"), its 1-based line and the compiler's message.
 */
public record CompileProblem(String file, int line, String message) {

    public CompileProblem {
        file = file.replace('\\', '/');
    }

    /** The package of the file ("activations/ReLU.java" → "activations"; "" for the default package). */
    public String packageName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash).replace('/', '.');
    }

    /** The line a report shows: "src/activations/ReLU.java:12: error: …". */
    public String note() {
        return "src/" + file + ":" + line + ": error: " + message;
    }
}
