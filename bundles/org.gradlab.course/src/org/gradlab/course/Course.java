package org.gradlab.course;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.SelfCheckRunner;

/**
 * The course as a student gets it: one folder per exercise ({@code <id>/exercise.json}, the task text
 * {@code README.md}, {@code vectors/public.json}, the stubs under {@code src/}) below a content root, in
 * course order, and the outline {@code README.md} next to them. The root is either a checkout's
 * {@code exercises/} folder ({@link #of}: the CLI, tests) or the copy this bundle carries
 * ({@link #bundled}: the IDE, an installed CLI). Solutions are never part of it: in a checkout they
 * live in {@code exercises/solutions}, which has no {@code exercise.json} and so is not an exercise.
 */
public final class Course {
    /** The folder inside this bundle's jar (or class folder) that the build fills from exercises/ (see pom.xml). */
    static final String BUNDLED_FOLDER = "course";
    /** The task text of an exercise, and the course outline at the root. */
    public static final String README = "README.md";

    /** One exercise: its id (= its folder's name), title, folder and parsed exercise.json. */
    public record Exercise(String id, String title, Path folder, ExerciseManifest manifest) {
        /** The task text (Markdown with LaTeX math); absent for an exercise without one. */
        public Path taskText() {
            return folder.resolve(README);
        }

        /** The stub sources: {@code <package>/<Class>.java} below it. */
        public Path stubs() {
            return folder.resolve("src");
        }
    }

    private static Course bundled;

    private final Path root;
    private final List<Exercise> exercises;

    private Course(Path root, List<Exercise> exercises) {
        this.root = root;
        this.exercises = List.copyOf(exercises);
    }

    /**
     * The course below {@code root} (a checkout's {@code exercises/}, or an unpacked copy): every
     * sub-folder holding an exercise.json, sorted by name, which is course order (01-…, 02-…).
     *
     * @throws IOException when root is not a folder, holds no exercise, or an exercise.json cannot be
     *         read or names another id than its folder
     */
    public static Course of(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no course at " + root + ": expected a folder of exercise folders (<id>/exercise.json)");
        }
        List<Exercise> out = new ArrayList<>();
        for (Path folder : SelfCheckRunner.exercises(root)) {
            ExerciseManifest m = ExerciseManifest.read(folder);
            String id = folder.getFileName().toString();
            if (!m.id().equals(id)) {
                // the workspace, the self-check and the grader all find an exercise by its folder name
                throw new IOException(folder.resolve(ExerciseManifest.FILE) + " says id \"" + m.id()
                        + "\" but its folder is " + id + "; they must agree");
            }
            out.add(new Exercise(id, m.title(), folder, m));
        }
        if (out.isEmpty()) {
            throw new IOException("no course at " + root + ": no sub-folder holds an " + ExerciseManifest.FILE);
        }
        return new Course(root, out);
    }

    /**
     * The course packed into this bundle at build time. Read in place: from the class folder in a
     * development runtime, or through a zip file system over the bundle's jar (kept open for the
     * life of the process, so nothing is extracted).
     *
     * @throws IOException when this bundle cannot be located as a file or carries no course (a build
     *         that skipped the content copy)
     */
    public static synchronized Course bundled() throws IOException {
        if (bundled == null) {
            bundled = of(bundledRoot());
        }
        return bundled;
    }

    private static Path bundledRoot() throws IOException {
        Path container = container();
        Path root;
        if (Files.isDirectory(container)) {
            root = container.resolve(BUNDLED_FOLDER);
        } else {
            @SuppressWarnings("resource") // open on purpose: the course is read for the life of the process
            FileSystem jar = FileSystems.newFileSystem(container);
            root = jar.getPath("/" + BUNDLED_FOLDER);
        }
        if (!Files.isDirectory(root)) {
            throw new IOException(container + " holds no " + BUNDLED_FOLDER + "/ folder: org.gradlab.course was built"
                    + " without the course content (build it with ./gradlab build)");
        }
        return root;
    }

    /**
     * The jar or class folder this class was loaded from: its code source (plain Java and Equinox
     * both give the file: location of the jar or folder), else derived from the URL of a class file
     * (jar:file:…!/… or file:…).
     */
    private static Path container() throws IOException {
        try {
            var source = Course.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.exists(p)) {
                    return p;
                }
            }
            String self = Course.class.getName().replace('.', '/') + ".class";
            URL url = Course.class.getClassLoader().getResource(self);
            if (url != null && "jar".equals(url.getProtocol())) {
                String s = url.toString();
                return Path.of(new URI(s.substring("jar:".length(), s.indexOf("!/"))));
            }
            if (url != null && "file".equals(url.getProtocol())) {
                Path classFile = Path.of(url.toURI());
                return classFile.getRoot().resolve(classFile.subpath(0, classFile.getNameCount() - self.split("/").length));
            }
            throw new IOException("cannot locate the org.gradlab.course bundle as a file (class loaded from " + url
                    + "); pass the course folder explicitly");
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            throw new IOException("cannot locate the org.gradlab.course bundle as a file: " + e.getMessage(), e);
        }
    }

    /** The folder holding the exercise folders. */
    public Path root() {
        return root;
    }

    /** The course outline ({@code README.md} at the root); may be absent. */
    public Path outline() {
        return root.resolve(README);
    }

    /** The exercises in course order. */
    public List<Exercise> exercises() {
        return exercises;
    }

    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
