package org.gradlab.grader.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The student's stdout/stderr of one submission, over all its grading JVMs: the first
 * {@code limit} bytes are kept, the rest only counted, and the text says where it was cut.
 */
final class OutputCapture {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    OutputCapture(int limit) {
        this.limit = limit;
    }

    synchronized void write(byte[] b, int off, int len) {
        int room = (int) Math.max(0, Math.min(len, limit - total));
        kept.write(b, off, room);
        total += len;
    }

    synchronized boolean truncated() {
        return total > limit;
    }

    synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        return truncated() ? s + (s.endsWith("\n") || s.isEmpty() ? "" : "\n") + "[… truncated after " + limit
                + " bytes]" : s;
    }
}
