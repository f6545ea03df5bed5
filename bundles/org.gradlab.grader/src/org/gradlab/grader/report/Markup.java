package org.gradlab.grader.report;

/** Escaping for XML and HTML text and attributes, safe for whatever a student's code printed. */
final class Markup {
    private Markup() {
    }

    /** For attribute values: line breaks become character references so parsers keep them. */
    static String attr(String s) {
        return escape(s, false);
    }

    /** For element text shown as-is (system-out, pre): line breaks and tabs stay literal. */
    static String text(String s) {
        return escape(s, true);
    }

    /**
     * Escapes the markup characters and replaces characters XML 1.0 forbids (most control
     * characters, unpaired surrogates) with U+FFFD: a report must stay well-formed even when
     * student output contains raw bytes.
     */
    private static String escape(String s, boolean literalBreaks) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n' -> sb.append(literalBreaks ? "\n" : "&#10;");
                case '\r' -> sb.append(literalBreaks ? "\r" : "&#13;");
                case '\t' -> sb.append(literalBreaks ? "\t" : "&#9;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
