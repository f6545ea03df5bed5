package org.gradlab.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict applier of unified diffs (as {@code diff -u} writes them), used for the course's
 * known-wrong variants: each is stored as a diff against the solution, not as a copy of it. Every
 * hunk must match at exactly the line its header names — no fuzz, no offsets — so a solution edit
 * that a variant no longer fits fails loudly, naming the diff, the file and the hunk, instead of
 * silently yielding a variant that tests something else. Lives in the check bundle because both
 * the grader and the self-check's tests (which have no grader) lay variants over solutions.
 */
public final class UnifiedDiff {
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private UnifiedDiff() {
    }

    /** One file's changes: {@code path} relative to the diff's root, {@code creates} when it comes from /dev/null. */
    public record FilePatch(String diffName, String path, boolean creates, List<Hunk> hunks) {
        /** The file's new text; {@code original} is ignored ("" expected) when the patch creates the file. */
        public String apply(String original) {
            Text old = Text.of(creates ? "" : original);
            List<String> out = new ArrayList<>();
            boolean eol = old.eol;
            int pos = 0; // next unconsumed line of the original, 0-based
            for (int h = 0; h < hunks.size(); h++) {
                Hunk hunk = hunks.get(h);
                int start = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1; // count 0: insert after oldStart
                if (start < pos || start > old.lines.size()) {
                    throw mismatch(h, hunk, "starts at line " + hunk.oldStart + ", but the file has "
                            + old.lines.size() + " lines" + (start < pos ? " or the hunks overlap" : ""));
                }
                out.addAll(old.lines.subList(pos, start));
                int at = start;
                for (String line : hunk.lines) {
                    char kind = line.charAt(0);
                    String text = line.substring(1);
                    if (kind != '+') {
                        if (at >= old.lines.size() || !old.lines.get(at).equals(text)) {
                            throw mismatch(h, hunk, "at line " + (at + 1) + " expected \"" + text + "\", found "
                                    + (at < old.lines.size() ? "\"" + old.lines.get(at) + "\"" : "the end of the file"));
                        }
                        at++;
                    }
                    if (kind != '-') {
                        out.add(text);
                    }
                }
                if (at == old.lines.size()) { // the hunk reaches the end: it says whether the last line ends the line
                    if (old.eol == hunk.oldNoEol && !old.lines.isEmpty()) {
                        throw mismatch(h, hunk, "disagrees on the newline at the end of the file");
                    }
                    eol = !hunk.newNoEol;
                }
                pos = at;
            }
            out.addAll(old.lines.subList(pos, old.lines.size()));
            return String.join("\n", out) + (eol && !out.isEmpty() ? "\n" : "");
        }

        private IllegalStateException mismatch(int index, Hunk hunk, String problem) {
            return new IllegalStateException(diffName + ": " + path + ": hunk " + (index + 1) + " (" + hunk.header
                    + ") does not fit: " + problem);
        }
    }

    /** {@code lines} keep their ' ', '-' or '+' prefix; the flags record "\ No newline at end of file". */
    public record Hunk(String header, int oldStart, int oldCount, List<String> lines, boolean oldNoEol,
            boolean newNoEol) {
    }

    /** A file's lines without terminators, and whether the last one has a newline. */
    private record Text(List<String> lines, boolean eol) {
        static Text of(String s) {
            if (s.isEmpty()) {
                return new Text(List.of(), true);
            }
            List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
            boolean eol = lines.get(lines.size() - 1).isEmpty();
            if (eol) {
                lines.remove(lines.size() - 1);
            }
            return new Text(lines, eol);
        }
    }

    /** Parses a unified diff; {@code diffName} (e.g. its path) prefixes every error. Lines outside files are ignored. */
    public static List<FilePatch> parse(String diffName, String diff) {
        List<String> lines = Text.of(diff).lines;
        List<FilePatch> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("--- ")) {
                i++; // e.g. a "diff -u …" or "index …" line
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("+++ ")) {
                throw new IllegalStateException(diffName + ": line " + (i + 2) + ": expected \"+++ \" after \""
                        + lines.get(i) + "\"");
            }
            String oldPath = path(lines.get(i).substring(4));
            String newPath = path(lines.get(i + 1).substring(4));
            if (newPath == null) {
                throw new IllegalStateException(diffName + ": deleting " + oldPath + " is not supported");
            }
            i += 2;
            List<Hunk> hunks = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("@@")) {
                i = hunk(diffName, newPath, lines, i, hunks);
            }
            if (hunks.isEmpty()) {
                throw new IllegalStateException(diffName + ": " + newPath + ": no hunks");
            }
            out.add(new FilePatch(diffName, newPath, oldPath == null, List.copyOf(hunks)));
        }
        return out;
    }

    /** Reads the hunk whose header is line {@code i}; returns the index of the line after it. */
    private static int hunk(String diffName, String path, List<String> lines, int i, List<Hunk> hunks) {
        String header = lines.get(i);
        Matcher m = HUNK.matcher(header);
        if (!m.matches()) {
            throw new IllegalStateException(diffName + ": " + path + ": bad hunk header \"" + header + "\"");
        }
        int oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        String where = diffName + ": " + path + ": hunk " + (hunks.size() + 1) + " (" + header + ")";
        List<String> body = new ArrayList<>();
        boolean oldNoEol = false;
        boolean newNoEol = false;
        int oldCount = oldLeft;
        i++;
        while (oldLeft > 0 || newLeft > 0) {
            String line = i < lines.size() ? lines.get(i) : null;
            char kind = line == null ? '?' : line.isEmpty() ? ' ' : line.charAt(0); // editors strip "  " to ""
            if ((kind != ' ' && kind != '-' && kind != '+') || (kind != '+' && oldLeft == 0)
                    || (kind != '-' && newLeft == 0)) {
                throw new IllegalStateException(where + ": " + oldLeft + " old and " + newLeft
                        + " new lines still due, found " + (line == null ? "the end of the diff" : "\"" + line + "\""));
            }
            body.add(line.isEmpty() ? " " : line);
            oldLeft -= kind == '+' ? 0 : 1;
            newLeft -= kind == '-' ? 0 : 1;
            i++;
            if (i < lines.size() && lines.get(i).startsWith("\\")) { // "\ No newline at end of file"
                oldNoEol |= kind != '+';
                newNoEol |= kind != '-';
                i++;
            }
        }
        hunks.add(new Hunk(header, Integer.parseInt(m.group(1)), oldCount, List.copyOf(body), oldNoEol, newNoEol));
        return i;
    }

    /** "a/pkg/X.java\t2024-…" → "pkg/X.java"; "/dev/null" → null. */
    private static String path(String field) {
        String p = field.split("\t", 2)[0].strip();
        if (p.equals("/dev/null")) {
            return null;
        }
        return p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
    }

    /**
     * Applies the diff file {@code diff} to the tree {@code tree} in place: its paths are relative to
     * the tree, a file it creates must not exist yet.
     *
     * @throws IllegalStateException naming the diff, file and hunk when a hunk does not fit
     */
    public static void applyTo(Path diff, Path tree) throws IOException {
        for (FilePatch p : parse(diff.toString(), Files.readString(diff))) {
            Path f = tree.resolve(p.path());
            if (p.creates() == Files.exists(f)) {
                throw new IllegalStateException(diff + ": " + p.path() + (p.creates()
                        ? ": is new in the diff but already exists" : ": does not exist"));
            }
            String patched = p.apply(p.creates() ? "" : Files.readString(f));
            Files.createDirectories(f.getParent());
            Files.writeString(f, patched);
        }
    }
}
