package org.gradlab.ui.task;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * KaTeX's {@code dist/} folder (script, style sheet, fonts) on disk, copied once from the WebJar
 * bundle into this plug-in's state location: the page loads it from a {@code file:} URL, so no
 * network and no jar-URL handling in the browser.
 */
final class KatexDist {
    static final String BUNDLE = "org.webjars.npm.katex";
    private static final String ROOT = "META-INF/resources/webjars/katex";
    private static final String COMPLETE = ".complete";   // written last: a half-copied folder is copied again

    private static Path folder;

    private KatexDist() {
    }

    /** The extracted dist folder, copying it on first use. */
    static synchronized Path folder() throws IOException {
        if (folder != null) {
            return folder;
        }
        Bundle katex = Platform.getBundle(BUNDLE);
        if (katex == null) {
            throw new IOException("the KaTeX bundle " + BUNDLE + " is not installed");
        }
        String dist = distPath(katex);
        Path target = Path.of(Platform.getStateLocation(FrameworkUtil.getBundle(KatexDist.class)).toOSString())
                .resolve("katex-" + katex.getVersion());
        if (!Files.exists(target.resolve(COMPLETE))) {
            copy(katex, dist, target);
        }
        folder = target;
        return folder;
    }

    /** The folder holding katex.min.js, without assuming KaTeX's version in the path. */
    private static String distPath(Bundle katex) throws IOException {
        Enumeration<URL> scripts = katex.findEntries(ROOT, "katex.min.js", true);
        for (URL url : scripts == null ? Collections.<URL>emptyList() : Collections.list(scripts)) {
            String path = url.getPath();
            if (path.endsWith("/dist/katex.min.js")) {
                return path.substring(path.startsWith("/") ? 1 : 0, path.length() - "katex.min.js".length());
            }
        }
        throw new IOException("no " + ROOT + "/*/dist/katex.min.js in bundle " + BUNDLE + " " + katex.getVersion());
    }

    private static void copy(Bundle katex, String dist, Path target) throws IOException {
        Enumeration<URL> entries = katex.findEntries(dist, "*", true);
        int copied = 0;
        for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String path = url.getPath().substring(1);
            if (path.endsWith("/")) {
                continue;
            }
            Path file = target.resolve(path.substring(dist.length()));
            Files.createDirectories(file.getParent());
            try (InputStream in = url.openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            copied++;
        }
        if (copied == 0 || !Files.isRegularFile(target.resolve("katex.min.css"))) {
            throw new IOException("KaTeX's dist folder " + dist + " in " + BUNDLE + " is empty or lacks katex.min.css");
        }
        Files.writeString(target.resolve(COMPLETE), copied + " files\n");
    }
}
