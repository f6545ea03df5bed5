package org.gradlab.grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gradlab.check.SourceLayers;
import org.gradlab.grader.compile.CompileResult;
import org.gradlab.grader.compile.StudentApi;
import org.gradlab.grader.compile.SubmissionCompiler;
import org.gradlab.grader.spec.StudentCode;

/**
 * The course's own student-form sources in a GradLab checkout: per exercise the stubs
 * ({@code exercises/<id>/src}), the solution (the stubs with {@code exercises/solutions/<id>/src} laid over
 * them: that folder holds only the files a student changes, the given ones live once, with the stubs), its known-wrong
 * variants ({@code variants/<name>/}: a {@code variant.diff} against the solution, and an EXPECT file)
 * and an optional loop-style solution ({@code loop-style/}: a {@code loop-style.diff} against the solution). Each is
 * a list of source layers, later ones replacing (or, for a variant or the loop-style, patching) earlier files,
 * compiled with the grader's own compiler against the student API —
 * exactly what a student would hand in. Shared by {@code gradlab validate} and the spec tests.
 */
public final class CourseSources {
    /** System property naming the checkout's root folder (the one holding exercises/ and bundles/). */
    public static final String ROOT_PROPERTY = "gradlab.root";

    private final Path root;

    public CourseSources(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The checkout this runs in: -Dgradlab.root, else the first folder holding both exercises/ and
     * bundles/ upward from the working directory, else upward from where this class was loaded.
     */
    public static CourseSources find() {
        String prop = System.getProperty(ROOT_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return new CourseSources(Path.of(prop));
        }
        Path found = upward(Path.of("").toAbsolutePath());
        if (found == null) {
            try {
                var source = CourseSources.class.getProtectionDomain().getCodeSource();
                if (source != null && "file".equals(source.getLocation().getProtocol())) {
                    found = upward(Path.of(source.getLocation().toURI()));
                }
            } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
                // no usable code source
            }
        }
        if (found == null) {
            throw new IllegalStateException("cannot find the GradLab checkout (a folder with exercises/ and bundles/)"
                    + " above " + Path.of("").toAbsolutePath() + "; run from inside it or set -D" + ROOT_PROPERTY);
        }
        return new CourseSources(found);
    }

    private static Path upward(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("exercises")) && Files.isDirectory(dir.resolve("bundles"))) {
                return dir;
            }
        }
        return null;
    }

    public Path root() {
        return root;
    }

    /** exercises/: the exercise folders (stubs, task text, exercise.json, public vectors). */
    public Path exercises() {
        return root.resolve("exercises");
    }

    /** exercises/&lt;id&gt;: what a student gets of one exercise. */
    public Path exercise(String id) {
        return exercises().resolve(id);
    }

    private Path solutionDir(String id) {
        return exercises().resolve("solutions").resolve(id);
    }

    public List<Path> stubs(String id) {
        return layers(id, exercise(id).resolve("src"));
    }

    public List<Path> solution(String id) {
        return layers(id, solutionTree(id));
    }

    /** The solution with a variant's diff applied to it. */
    public List<Path> variant(String id, String variant) {
        return layers(id, solutionTree(id, solutionDir(id).resolve("variants").resolve(variant)));
    }

    public boolean hasLoopStyle(String id) {
        return Files.isDirectory(solutionDir(id).resolve("loop-style"));
    }

    /** The solution with the loop-style diff applied to it. */
    public List<Path> loopStyle(String id) {
        return layers(id, solutionTree(id, solutionDir(id).resolve("loop-style")));
    }

    /** The solutions of the exercises {@code id} uses, then its own layers: later exercises use earlier ones. */
    private List<Path> layers(String id, Path... own) {
        List<Path> out = new ArrayList<>();
        for (String dependency : dependencies(id)) {
            out.addAll(List.of(solutionTree(dependency)));
        }
        out.addAll(List.of(own));
        return List.copyOf(out);
    }

    /**
     * A solution: the stubs (they hold the given classes, which live only there), then the solution's own
     * files replacing theirs, then {@code over} (a variant, the loop-style solution).
     */
    private Path[] solutionTree(String id, Path... over) {
        List<Path> out = new ArrayList<>(List.of(exercise(id).resolve("src"), solutionDir(id).resolve("src")));
        out.addAll(List.of(over));
        return out.toArray(Path[]::new);
    }

    /**
     * The exercises whose classes {@code id}'s sources (stubs, solution, variants) import — e.g.
     * 13-memorization builds its network from the layers of 03–08 — and theirs in turn, in course
     * order. An exercise owns the packages of its stub folder. Empty for a self-contained exercise.
     */
    public List<String> dependencies(String id) {
        TreeSet<String> out = new TreeSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(id));
        Map<String, String> owners = packageOwners();
        while (!todo.isEmpty()) {
            String current = todo.pop();
            for (String pkg : importedPackages(current)) {
                String owner = owners.get(pkg);
                if (owner != null && !owner.equals(id) && out.add(owner)) {
                    todo.push(owner);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Package → the exercise whose stub folder holds it. */
    private Map<String, String> packageOwners() {
        Map<String, String> owners = new HashMap<>();
        try (Stream<Path> s = Files.list(exercises())) {
            for (Path e : s.filter(p -> Files.isDirectory(p.resolve("src"))).toList()) {
                try (Stream<Path> pkgs = Files.list(e.resolve("src"))) {
                    pkgs.filter(Files::isDirectory).forEach(p -> owners.put(p.getFileName().toString(),
                            e.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?([a-z_][a-z0-9_]*)\\.", Pattern.MULTILINE);

    /**
     * The first segments of the imports in an exercise's stub and solution trees ("activations", "java", …),
     * including those a variant's or the loop-style's diff mentions (its lines less their ' ', '-' or '+' prefix).
     */
    private Set<String> importedPackages(String id) {
        Set<String> out = new HashSet<>();
        for (Path tree : List.of(exercise(id).resolve("src"), solutionDir(id))) {
            if (!Files.isDirectory(tree)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(tree)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java") || SourceLayers.isDiff(p)).toList()) {
                    String text = Files.readString(f);
                    Matcher m = IMPORT.matcher(SourceLayers.isDiff(f) ? text.replaceAll("(?m)^.", "") : text);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The names of the known-wrong variants of an exercise, sorted; empty when it has none. */
    public List<String> variants(String id) {
        Path dir = solutionDir(id).resolve("variants");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of a variant's EXPECT file ("fail …", "diagnosis …"), stripped. */
    public List<String> expectations(String id, String variant) {
        Path f = solutionDir(id).resolve("variants").resolve(variant).resolve("EXPECT");
        try {
            return Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays the source layers over each other in {@code work}/src and compiles them into
     * {@code work}/classes; the caller owns {@code work} (the classes must outlive the returned code).
     *
     * @throws IllegalStateException listing the errors (file:line) when the sources do not compile
     */
    public static StudentCode compile(List<Path> layers, Path work) {
        try {
            Path src = Files.createDirectories(work.resolve("src"));
            for (Path layer : layers) {
                SourceLayers.overlay(layer, src);
            }
            Path classes = Files.createDirectories(work.resolve("classes"));
            CompileResult r = new SubmissionCompiler(StudentApi.locate()).compile(src, classes);
            if (r.hasErrors()) {
                throw new IllegalStateException(layers.get(layers.size() - 1) + " does not compile:\n"
                        + String.join("\n", r.diagnostics().stream().filter(d -> d.error()).map(Object::toString)
                                .toList()));
            }
            return new StudentCode(StudentApi.studentLoader(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
