package org.gradlab.grader.compile;

import java.nio.file.Path;
import java.util.List;

/** What compiling a submission produced: the class output folder and every diagnostic. */
public record CompileResult(Path classes, List<CompileDiagnostic> diagnostics) {
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(CompileDiagnostic::error);
    }

    /** Errors in one source file (path relative to the source root, '/' separated). */
    public List<CompileDiagnostic> errorsIn(String file) {
        return diagnostics.stream().filter(d -> d.error() && d.file().equals(file)).toList();
    }
}
