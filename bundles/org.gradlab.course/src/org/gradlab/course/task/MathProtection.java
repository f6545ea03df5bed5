package org.gradlab.course.task;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the LaTeX spans out of Markdown before commonmark parses it. Left in, Markdown would eat
 * them: {@code a_i * b_j} becomes emphasis, {@code \\} a single backslash, {@code |} a table
 * column. Each span is replaced by a placeholder of private-use characters that Markdown leaves
 * alone (no delimiter, no escape, no column separator); {@link #span(String)} finds them again
 * in the parsed text.
 *
 * <p>Code is not math: fenced code blocks and inline code spans are skipped here, by the same
 * rules as CommonMark (a code span ends at a backtick run of the opening run's length). Indented
 * code blocks are not recognized here (the texts use fences); {@link TaskHtml} puts the original
 * source back into any code node that still contains a placeholder.
 */
public final class MathProtection {
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})(.*)$");

    private final String markdown;
    private final List<MathSpan> spans;

    private MathProtection(String markdown, List<MathSpan> spans) {
        this.markdown = markdown;
        this.spans = List.copyOf(spans);
    }

    /** Replaces every math span outside code by a placeholder. */
    public static MathProtection protect(String markdown) {
        markdown = markdown.replace("\r\n", "\n");
        List<MathSpan> spans = new ArrayList<>();
        StringBuilder out = new StringBuilder(markdown.length());
        StringBuilder chunk = new StringBuilder();   // consecutive non-blank lines outside fences
        String fence = null;                         // the open fence's backticks or tildes
        for (String line : markdown.split("(?<=\n)")) {
            if (fence != null) {
                out.append(line);
                if (closes(line, fence)) {
                    fence = null;
                }
                continue;
            }
            Matcher opening = FENCE.matcher(stripNewline(line));
            boolean opensFence = opening.matches()
                    && !(opening.group(1).charAt(0) == '`' && opening.group(2).contains("`"));
            if (opensFence || line.isBlank()) {
                out.append(protectInline(chunk.toString(), spans));
                chunk.setLength(0);
                out.append(line);
                fence = opensFence ? opening.group(1) : null;
            } else {
                chunk.append(line);
            }
        }
        out.append(protectInline(chunk.toString(), spans));
        return new MathProtection(out.toString(), spans);
    }

    /** The Markdown with placeholders instead of math. */
    public String markdown() {
        return markdown;
    }

    /** The math spans in source order; a placeholder's number is its index here. */
    public List<MathSpan> spans() {
        return spans;
    }

    /** Splits text into literal pieces (String) and the math spans (MathSpan) it holds. */
    public List<Object> split(String text) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(text.substring(last, m.start()));
            }
            parts.add(spans.get(Integer.parseInt(m.group(1))));
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(text.substring(last));
        }
        return parts;
    }

    /** The text with every placeholder turned back into its source, delimiters included. */
    public String restoreSource(String text) {
        return PLACEHOLDER.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(spans.get(Integer.parseInt(m.group(1))).source()));
    }

    /** True when the text holds a placeholder. */
    public static boolean hasPlaceholder(String text) {
        return text.indexOf(OPEN) >= 0;
    }

    /**
     * Math in one paragraph-like chunk (no blank lines, no fences). Backslash escapes are
     * skipped (so {@code \$} is a dollar), code spans copied, {@code $$…$$} wins over {@code $…$}.
     * An inline span must not start with whitespace nor end right before a digit, so that
     * prices like "$5 and $6" stay text; a dollar without a partner stays text too.
     */
    private static String protectInline(String s, List<MathSpan> spans) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s, i, i + 2);
                i += 2;
            } else if (c == '`') {
                int end = codeSpanEnd(s, i);
                out.append(s, i, end);
                i = end;
            } else if (c == '$') {
                boolean display = s.startsWith("$$", i);
                int close = display ? s.indexOf("$$", i + 2) : inlineClose(s, i);
                if (close < 0 || close == i + (display ? 2 : 1)) {
                    out.append(display ? "$$" : "$");
                    i += display ? 2 : 1;
                    continue;
                }
                int delimiter = display ? 2 : 1;
                spans.add(new MathSpan(s.substring(i + delimiter, close), display));
                out.append(OPEN).append(spans.size() - 1).append(CLOSE);
                i = close + delimiter;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where a backtick run at {@code start} ends: after its closing run, or after itself alone. */
    private static int codeSpanEnd(String s, int start) {
        int run = runLength(s, start, '`');
        int i = start + run;
        while ((i = s.indexOf('`', i)) >= 0) {
            int closing = runLength(s, i, '`');
            if (closing == run) {
                return i + closing;
            }
            i += closing;
        }
        return start + run;   // no partner: the backticks are literal text
    }

    private static int inlineClose(String s, int open) {
        if (open + 1 >= s.length() || Character.isWhitespace(s.charAt(open + 1))) {
            return -1;
        }
        for (int j = open + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;   // \$ inside TeX is a dollar sign, not the end
            } else if (c == '$') {
                boolean digitAfter = j + 1 < s.length() && Character.isDigit(s.charAt(j + 1));
                return digitAfter ? -1 : j;
            }
        }
        return -1;
    }

    private static boolean closes(String line, String fence) {
        String t = stripNewline(line).strip();
        return t.length() >= fence.length() && t.chars().allMatch(ch -> ch == fence.charAt(0));
    }

    private static int runLength(String s, int start, char c) {
        int i = start;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i - start;
    }

    private static String stripNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }
}
