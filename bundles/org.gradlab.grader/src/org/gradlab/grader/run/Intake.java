package org.gradlab.grader.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.gradlab.grader.compile.CompileDiagnostic;

/**
 * Turns a submission (a folder or a .zip) into a clean source tree in the scratch folder: only
 * {@code .java} files that are UTF-8 text are copied, from {@code src/} when there is one (also
 * inside a single wrapping folder, as zipping a project folder gives), else from the top. Copying
 * (never compiling in place) means the grader works on a snapshot the student cannot change or
 * link elsewhere. Symbolic links pointing outside the submission are refused, not followed.
 */
final class Intake {
    /**
     * @param root     the copied source root (compile this)
     * @param files    how many .java files were copied
     * @param rejected diagnostics for files not compiled (binary, not UTF-8), relative to the source root
     * @param refused  what was refused (symbolic links), paths relative to the submission
     * @param error    why the submission as a whole cannot be graded, or ""
     */
    record Sources(Path root, int files, List<CompileDiagnostic> rejected, List<String> refused, String error) {
    }

    private Intake() {
    }

    static Sources prepare(Path submission, Path scratch, long maxBytes, int maxEntries) throws IOException {
        Path target = scratch.resolve("src");
        Files.createDirectories(target);
        Path tree;
        if (Files.isDirectory(submission)) {
            tree = submission.toRealPath();
        } else if (Files.isRegularFile(submission)
                && submission.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            tree = scratch.resolve("unzipped");
            try {
                SafeUnzip.extract(submission, tree, maxBytes, maxEntries);
            } catch (SafeUnzip.Refused r) {
                return new Sources(target, 0, List.of(), List.of(), r.getMessage());
            }
            tree = tree.toRealPath();
        } else if (!Files.exists(submission, LinkOption.NOFOLLOW_LINKS)) {
            return new Sources(target, 0, List.of(), List.of(), "submission not found: " + submission.getFileName());
        } else {
            return new Sources(target, 0, List.of(), List.of(), "a submission must be a folder or a .zip file");
        }
        Path base = sourceBase(tree);
        Copier copier = new Copier(tree, base, target, maxBytes, maxEntries);
        Files.walkFileTree(base, copier);
        String error = copier.error;
        if (error.isEmpty() && copier.files == 0 && copier.rejected.isEmpty()) {
            error = "no Java sources found";
        }
        return new Sources(target, copier.files, copier.rejected, copier.refused, error);
    }

    /** {@code src/}, or {@code X/src/} when the tree is one wrapping folder X, else the tree itself. */
    static Path sourceBase(Path tree) throws IOException {
        if (Files.isDirectory(tree.resolve("src"), LinkOption.NOFOLLOW_LINKS)) {
            return tree.resolve("src");
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(tree)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("__MACOSX")).toList();
        }
        if (entries.size() == 1 && Files.isDirectory(entries.get(0), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(entries.get(0).resolve("src"), LinkOption.NOFOLLOW_LINKS)) {
            return entries.get(0).resolve("src");
        }
        return tree;
    }

    private static final class Copier extends SimpleFileVisitor<Path> {
        private final Path tree;
        private final Path base;
        private final Path target;
        private final long maxBytes;
        private final int maxEntries;
        final List<CompileDiagnostic> rejected = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        int files;
        int visited;
        long bytes;
        String error = "";

        Copier(Path tree, Path base, Path target, long maxBytes, int maxEntries) {
            this.tree = tree;
            this.base = base;
            this.target = target;
            this.maxBytes = maxBytes;
            this.maxEntries = maxEntries;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (++visited > 20 * maxEntries) {   // walking a huge tree is work too, even when little of it is Java
                error = "submission too large: more than " + 20 * maxEntries + " files";
                return FileVisitResult.TERMINATE;
            }
            String shown = tree.relativize(file).toString().replace('\\', '/');
            Path source = file;
            if (attrs.isSymbolicLink()) {
                Path real;
                try {
                    real = file.toRealPath();
                } catch (IOException e) {
                    refused.add(shown + ": symbolic link to a missing file refused");
                    return FileVisitResult.CONTINUE;
                }
                if (!real.startsWith(tree)) {
                    refused.add(shown + ": symbolic link pointing outside the submission refused (not followed)");
                    return FileVisitResult.CONTINUE;
                }
                if (!Files.isRegularFile(real)) {
                    refused.add(shown + ": symbolic link to a folder not followed");
                    return FileVisitResult.CONTINUE;
                }
                source = real;
            } else if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            if (!shown.endsWith(".java")) {
                return FileVisitResult.CONTINUE;
            }
            bytes += Files.size(source);
            if (++files > maxEntries || bytes > maxBytes) {
                error = "submission too large: more than " + (files > maxEntries ? maxEntries + " Java files"
                        : SafeUnzip.size(maxBytes) + " of Java sources");
                return FileVisitResult.TERMINATE;
            }
            String rel = base.relativize(file).toString().replace('\\', '/');
            byte[] content = Files.readAllBytes(source);
            CompileDiagnostic problem = textProblem(rel, content);
            if (problem != null) {
                files--;
                rejected.add(problem);
                return FileVisitResult.CONTINUE;
            }
            Path out = target.resolve(rel);
            Files.createDirectories(out.getParent());
            Files.write(out, content);
            return FileVisitResult.CONTINUE;
        }
    }

    /** A diagnostic when the bytes are not Java source text (binary, or not UTF-8), else null. */
    static CompileDiagnostic textProblem(String file, byte[] b) {
        int controls = 0;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return new CompileDiagnostic(file, lineAt(b, i), true,
                        "binary content, not Java source text: the file was not compiled");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        if (controls > Math.max(8, b.length / 100)) {
            return new CompileDiagnostic(file, 1, true, "binary content, not Java source text: the file was not"
                    + " compiled");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            return new CompileDiagnostic(file, lineAt(b, in.position()), true,
                    "not valid UTF-8 text (first bad byte on this line): save the file as UTF-8; it was not compiled");
        }
        return null;
    }

    private static int lineAt(byte[] b, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < b.length; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
