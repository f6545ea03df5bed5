package org.gradlab.course.task;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A link from the task page into the student's code:
 * {@code gradlab:open?file=activations/ReLU.java&method=backward}. The file is relative to the
 * workspace's {@code src/} folder; the method is optional. The page writes these, the IDE
 * intercepts them and opens the editor.
 */
public record TaskLink(String file, String method) {
    public static final String PREFIX = "gradlab:open?";

    public TaskLink {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a task link needs a file");
        }
    }

    /** A link to a whole file. */
    public static TaskLink toFile(String file) {
        return new TaskLink(file, null);
    }

    public String toUri() {
        StringBuilder uri = new StringBuilder(PREFIX).append("file=").append(encode(file));
        if (method != null) {
            uri.append("&method=").append(encode(method));
        }
        return uri.toString();
    }

    /** The link in a URI the page asked to open, or empty when it is not a gradlab:open link. */
    public static Optional<TaskLink> parse(String uri) {
        if (uri == null || !uri.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.substring(PREFIX.length()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String file = query.get("file");
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        String method = query.get("method");
        return Optional.of(new TaskLink(file, method == null || method.isBlank() ? null : method));
    }

    /** Percent-encoding, but the path's slashes stay readable (the browser shows the link). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
    }
}
