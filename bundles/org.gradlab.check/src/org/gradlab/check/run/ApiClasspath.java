package org.gradlab.check.run;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gradlab.core.Tensor;

/**
 * The classpath entries (jars or class folders) that hold given classes, for the check JVM's
 * {@code -cp}: an installed bundle is its jar; a bundle run from its project (a Tycho test, a
 * workspace launch) is a folder whose classes lie in its output folder (target/classes or bin).
 */
public final class ApiClasspath {
    /** Where a bundle run from its project keeps its classes. */
    private static final List<String> OUTPUT_FOLDERS = List.of("target/classes", "bin");

    private ApiClasspath() {
    }

    /** The student API (org.gradlab.core) and the checker (org.gradlab.check): what {@link CheckMain} needs. */
    public static List<Path> forCheck() {
        return of(Tensor.class, CheckMain.class);
    }

    /** The distinct entries holding {@code classes}; IllegalStateException when one cannot be found on disk. */
    public static List<Path> of(Class<?>... classes) {
        Set<Path> out = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            out.add(entryOf(c));
        }
        return List.copyOf(out);
    }

    private static Path entryOf(Class<?> c) {
        String classFile = c.getName().replace('.', '/') + ".class";
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol())) {
            Path p = path(location);
            if (Files.isRegularFile(p)) {
                return p; // a jar
            }
            if (Files.isRegularFile(p.resolve(classFile))) {
                return p;
            }
            for (String output : OUTPUT_FOLDERS) {
                if (Files.isRegularFile(p.resolve(output).resolve(classFile))) {
                    return p.resolve(output);
                }
            }
        }
        // no usable code source: derive the entry from where the class file itself was found
        URL resource = c.getClassLoader() == null ? null : c.getClassLoader().getResource(classFile);
        if (resource != null && "jar".equals(resource.getProtocol())) {
            String s = resource.toString();
            return path(url(s.substring("jar:".length(), s.indexOf("!/"))));
        }
        if (resource != null && "file".equals(resource.getProtocol())) {
            Path p = path(resource);
            for (int i = 0; i < c.getName().split("\\.").length; i++) {
                p = p.getParent();
            }
            return p;
        }
        throw new IllegalStateException("cannot find the classes of " + c.getName() + " on disk (code source "
                + location + ", resource " + resource + ")");
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("not a file location: " + url, e);
        }
    }

    private static URL url(String s) {
        try {
            return java.net.URI.create(s).toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("not a file location: " + s, e);
        }
    }
}
