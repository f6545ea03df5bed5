package org.gradlab.ui.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.gradlab.course.task.ExerciseTask;
import org.gradlab.course.task.TaskHtml;
import org.osgi.framework.FrameworkUtil;

/**
 * Writes task pages as HTML files into the plug-in's state location, next to the extracted
 * KaTeX. A file (not Browser.setText) so that the page, KaTeX and its fonts are all file: URLs
 * and WebKit loads them the same way on every version.
 */
final class TaskPages {
    /** A written page; {@code mathProblem} says why formulas stay TeX source, null when KaTeX is there. */
    record Page(Path file, String mathProblem) {
    }

    private TaskPages() {
    }

    static Page write(String projectName, ExerciseTask task) throws IOException {
        String katexBase;
        String mathProblem = null;
        try {
            katexBase = KatexDist.folder().toUri().toString();
        } catch (IOException e) {
            katexBase = "katex-missing/";   // the page's script then leaves the TeX readable
            mathProblem = "Formulas are shown as TeX source: " + e.getMessage();
        }
        Path dir = Path.of(Platform.getStateLocation(FrameworkUtil.getBundle(TaskPages.class)).toOSString())
                .resolve("pages").resolve(projectName);
        Files.createDirectories(dir);
        Path file = dir.resolve(task.manifest().id() + ".html");
        Files.writeString(file, new TaskHtml(katexBase).page(task), StandardCharsets.UTF_8);
        return new Page(file, mathProblem);
    }
}
