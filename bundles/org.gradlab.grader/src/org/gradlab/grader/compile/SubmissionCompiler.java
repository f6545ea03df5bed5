package org.gradlab.grader.compile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

/**
 * Compiles a student source tree with ECJ against the student API only. ECJ keeps going past
 * errors and still writes classes for the files that compile ({@code -proceedOnError}), so the
 * exercises that compile are graded even when another does not.
 */
public final class SubmissionCompiler {
    /** ECJ's batch message header: "----------\n1. ERROR in /path/File.java (at line 12)". */
    private static final Pattern HEADER = Pattern.compile(
            "^\\d+\\. (ERROR|WARNING) in (.+?)(?: \\(at line (\\d+)\\))?$", Pattern.MULTILINE);

    private final List<Path> studentApi;

    /** @param studentApi jars or class folders students compile against (the core bundle). */
    public SubmissionCompiler(List<Path> studentApi) {
        this.studentApi = List.copyOf(studentApi);
    }

    /** Compiles every {@code .java} file under {@code sourceRoot} into {@code output}. */
    public CompileResult compile(Path sourceRoot, Path output) {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            return new CompileResult(output, List.of());
        }
        // -proc:none: no annotation processor may run in the grader's own JVM
        List<String> args = new ArrayList<>(List.of("-21", "-proceedOnError", "-encoding", "UTF-8", "-nowarn",
                "-proc:none", "-g", "-d", output.toString()));
        StringBuilder cp = new StringBuilder();
        for (Path p : studentApi) {
            cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(p);
        }
        args.add("-cp");
        args.add(cp.toString());
        for (Path p : sources) {
            args.add(p.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BatchCompiler.compile(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), null);
        return new CompileResult(output, parse(err.toString() + out, sourceRoot));
    }

    /** Turns ECJ's batch output into diagnostics: header line, source line, caret line, message. */
    static List<CompileDiagnostic> parse(String text, Path sourceRoot) {
        List<CompileDiagnostic> out = new ArrayList<>();
        String[] blocks = text.split("(?m)^----------\\s*$");
        for (String block : blocks) {
            Matcher m = HEADER.matcher(block.strip());
            if (!m.find()) {
                continue;
            }
            String file = m.group(2).strip();
            try {
                file = sourceRoot.toAbsolutePath().relativize(Path.of(file).toAbsolutePath()).toString()
                        .replace('\\', '/');
            } catch (IllegalArgumentException ignored) {
                // not under the source root: keep ECJ's path
            }
            int line = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            String[] lines = block.strip().split("\n");
            String message = lines[lines.length - 1].strip();
            out.add(new CompileDiagnostic(file, line, m.group(1).equals("ERROR"), message));
        }
        return out;
    }
}
