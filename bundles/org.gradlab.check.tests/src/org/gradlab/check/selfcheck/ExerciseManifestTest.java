package org.gradlab.check.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gradlab.check.vectors.VectorFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExerciseManifestTest {
    /** A member declaration at class level (4 spaces), with its name: "    public Tensor forward(". */
    private static final Pattern METHOD = Pattern.compile(
            "^    (?:(?:public|protected|private|static|final|abstract)\\s+)*[\\w\\[\\].]+(?:<[^>]*>)?\\s+(\\w+)\\(");

    static List<String> exercises() throws IOException {
        return SelfCheckTest.exercises();
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void theManifestDescribesItsFolder(String id) throws IOException {
        ExerciseManifest m = ExerciseManifest.read(CourseClasses.exercise(id));
        assertEquals(id, m.id());
        assertTrue(!m.title().isBlank() && m.points() > 0 && !m.implement().isEmpty(), m.toString());
        for (String before : m.buildsOn()) {
            assertTrue(Files.isDirectory(CourseClasses.exercise(before)) && before.compareTo(id) < 0,
                    id + " builds on " + before + ", which must be an earlier exercise");
        }
        if (m.vectors() != null) {
            assertTrue(Files.isRegularFile(m.vectorsPath(CourseClasses.exercise(id))), m.vectors());
        }
        assertTrue(!m.vectorsSource().isBlank(), "say where the vectors come from");
    }

    /** "implement" lists exactly the stub methods that throw TODO, class by class (given classes with none). */
    @ParameterizedTest
    @MethodSource("exercises")
    void implementListsExactlyTheStubsTodoMethods(String id) throws IOException {
        ExerciseManifest m = ExerciseManifest.read(CourseClasses.exercise(id));
        Path src = CourseClasses.exercise(id).resolve("src");
        Map<String, List<String>> todo = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String cls = src.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                List<String> methods = todoMethods(f, cls.substring(cls.lastIndexOf('.') + 1));
                if (!methods.isEmpty()) {
                    todo.put(cls, methods);
                }
            }
        }
        Map<String, List<String>> listed = new LinkedHashMap<>();
        for (ExerciseManifest.Implement i : m.implement()) {
            assertTrue(Files.isRegularFile(src.resolve(i.className().replace('.', '/') + ".java")), i.className());
            if (!i.methods().isEmpty()) {
                listed.put(i.className(), i.methods());
            }
        }
        assertEquals(Set.copyOf(todo.keySet()), Set.copyOf(listed.keySet()));
        todo.forEach((cls, methods) -> assertEquals(Set.copyOf(methods), Set.copyOf(listed.get(cls)), cls));
    }

    private static List<String> todoMethods(Path file, String simpleName) throws IOException {
        List<String> out = new ArrayList<>();
        String current = null;
        for (String line : Files.readAllLines(file)) {
            Matcher mm = METHOD.matcher(line);
            if (mm.find() && !mm.group(1).equals(simpleName)) {
                current = mm.group(1);
            }
            if (line.contains("UnsupportedOperationException(\"TODO") && current != null && !out.contains(current)) {
                out.add(current);
            }
        }
        return out;
    }

    @Test
    void readsTheFieldsAndPackages(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("exercise.json"), """
                {"id": "99-x", "title": "X", "points": 7.5, "builds_on": ["01-a"],
                 "implement": [{"class": "x.A", "methods": ["forward"]}, {"class": "y.B", "methods": []}],
                 "vectors": "vectors/public.json", "vectors_source": "PyTorch"}
                """);
        ExerciseManifest m = ExerciseManifest.read(dir);
        assertEquals(new ExerciseManifest("99-x", "X", 7.5, List.of("01-a"), List.of(
                new ExerciseManifest.Implement("x.A", List.of("forward")), new ExerciseManifest.Implement("y.B",
                        List.of())), "vectors/public.json", "PyTorch"), m);
        assertEquals(Set.of("x", "y"), m.packages());
        assertEquals(dir.resolve("vectors/public.json"), m.vectorsPath(dir));
    }

    @Test
    void aBadManifestNamesTheFileAndTheField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("exercise.json"), "{\"id\": \"99-x\", \"points\": 1, \"implement\": []}");
        VectorFormatException e = assertThrows(VectorFormatException.class, () -> ExerciseManifest.read(dir));
        assertEquals(dir.resolve("exercise.json") + ": \"title\" must be a string", e.getMessage());
        Path none = Files.createDirectories(dir.resolve("none"));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> ExerciseManifest.read(none));
        assertTrue(missing.getMessage().endsWith("exercise.json: no such file"), missing.getMessage());
    }
}
