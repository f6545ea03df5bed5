package org.gradlab.check.selfcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gradlab.check.json.Json;
import org.gradlab.check.json.JsonParseException;
import org.gradlab.check.vectors.VectorFormatException;

/**
 * An exercise's {@code exercise.json}: id, title, points, the exercises it builds on, the classes
 * and methods the student implements, and its public test vectors (relative to the exercise folder).
 */
public record ExerciseManifest(String id, String title, double points, List<String> buildsOn,
        List<Implement> implement, String vectors, String vectorsSource) {

    public static final String FILE = "exercise.json";

    /** One student class and the methods in it the student writes. */
    public record Implement(String className, List<String> methods) {
        public String packageName() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? "" : className.substring(0, dot);
        }
    }

    /** Reads {@code dir/exercise.json}. */
    public static ExerciseManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        Object root;
        try {
            root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new VectorFormatException(file + ": " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new VectorFormatException(file + ": expected a JSON object");
        }
        List<Implement> implement = new ArrayList<>();
        for (Object o : list(m, "implement", file)) {
            if (!(o instanceof Map<?, ?> im)) {
                throw new VectorFormatException(file + ": \"implement\" entries must be objects");
            }
            implement.add(new Implement(string(im, "class", file), strings(list(im, "methods", file), file)));
        }
        Object points = m.get("points");
        if (!(points instanceof Number n)) {
            throw new VectorFormatException(file + ": \"points\" must be a number");
        }
        return new ExerciseManifest(string(m, "id", file), string(m, "title", file), n.doubleValue(),
                strings(list(m, "builds_on", file), file), List.copyOf(implement),
                m.get("vectors") instanceof String v ? v : null,
                m.get("vectors_source") instanceof String s ? s : "");
    }

    /** The student classes, in the manifest's order. */
    public List<String> classNames() {
        return implement.stream().map(Implement::className).toList();
    }

    /** The packages of the student classes: a source file in one of them belongs to this exercise. */
    public Set<String> packages() {
        Set<String> out = new LinkedHashSet<>();
        implement.forEach(i -> out.add(i.packageName()));
        return out;
    }

    /** The public vectors file, or null when the exercise has none. */
    public Path vectorsPath(Path dir) {
        return vectors == null ? null : dir.resolve(vectors);
    }

    private static String string(Map<?, ?> m, String key, Path file) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new VectorFormatException(file + ": \"" + key + "\" must be a string");
    }

    private static List<?> list(Map<?, ?> m, String key, Path file) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw new VectorFormatException(file + ": \"" + key + "\" must be a list");
    }

    private static List<String> strings(List<?> l, Path file) {
        if (!l.stream().allMatch(x -> x instanceof String)) {
            throw new VectorFormatException(file + ": expected a list of strings");
        }
        return l.stream().map(String.class::cast).toList();
    }
}
