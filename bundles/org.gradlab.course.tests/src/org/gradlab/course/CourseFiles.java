package org.gradlab.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The checkout the tests run in, and file listings for comparing trees. */
public final class CourseFiles {
    private CourseFiles() {
    }

    /** The repository root: upward from the working directory (a fragment's folder), the first folder with exercises/ and bundles/. */
    public static Path repo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("exercises")) && Files.isDirectory(dir.resolve("bundles"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no GradLab checkout above " + Path.of("").toAbsolutePath());
    }

    static Path exercises() {
        return repo().resolve("exercises");
    }

    /** The regular files below root, relative, with '/' separators, sorted. */
    static Set<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return new TreeSet<>();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return new TreeSet<>(s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).toList());
        }
    }

    /**
     * What a student gets of the repository's exercises/, relative to it: the outline, and per exercise
     * folder README.md, exercise.json, vectors/** and src/** — listed straight from the repository,
     * independently of the code under test.
     */
    static Set<String> studentFiles() throws IOException {
        Set<String> out = new TreeSet<>();
        Path ex = exercises();
        if (Files.exists(ex.resolve("README.md"))) {
            out.add("README.md");
        }
        try (Stream<Path> s = Files.list(ex)) {
            for (Path e : s.filter(p -> Files.isRegularFile(p.resolve("exercise.json"))).toList()) {
                String id = e.getFileName().toString();
                out.add(id + "/exercise.json");
                if (Files.exists(e.resolve("README.md"))) {
                    out.add(id + "/README.md");
                }
                files(e.resolve("vectors")).forEach(f -> out.add(id + "/vectors/" + f));
                files(e.resolve("src")).forEach(f -> out.add(id + "/src/" + f));
            }
        }
        return out;
    }
}
