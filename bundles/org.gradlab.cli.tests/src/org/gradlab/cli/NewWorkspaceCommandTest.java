package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.gradlab.grader.course.CourseSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewWorkspaceCommandTest {
    private static final CourseSources COURSE = CourseSources.find();

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return new TreeSet<>(s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList());
        }
    }

    private static List<String> exerciseIds() throws IOException {
        return org.gradlab.check.selfcheck.SelfCheckRunner.exercises(COURSE.exercises()).stream()
                .map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void laysOutStubsTasksVectorsAndTheStudentApi(@TempDir Path tmp) throws IOException {
        Path ws = tmp.resolve("ws");
        CliRun r = CliRun.of("new-workspace", ws.toString());
        assertEquals(0, r.status(), r.all());
        assertTrue(r.out().contains("check your work with: gradlab check " + ws), r.out());
        Set<String> got = files(ws);
        Set<String> expected = new TreeSet<>(List.of("README.md", "lib/org.gradlab.core.jar",
                "lib/org.gradlab.check.jar"));
        for (String id : exerciseIds()) {
            Path ex = COURSE.exercise(id);
            for (String f : files(ex.resolve("src"))) {
                expected.add("src/" + f);
                assertEquals(Files.readString(ex.resolve("src").resolve(f)), Files.readString(ws.resolve("src/" + f)));
            }
            expected.add("exercises/" + id + "/exercise.json");
            for (String optional : List.of("README.md", "vectors/public.json")) {
                if (Files.exists(ex.resolve(optional))) {
                    expected.add("exercises/" + id + "/" + optional);
                }
            }
        }
        assertEquals(expected, got);
        assertTrue(got.contains("src/activations/ReLU.java")
                && got.contains("exercises/03-activations/vectors/public.json"));
        String readme = Files.readString(ws.resolve("README.md"));
        assertTrue(readme.contains("gradlab check") && readme.contains("| `03-activations` | Activation functions |"),
                readme);
    }

    @Test
    void shipsNoSolutionsVariantsEngineOrGrader(@TempDir Path tmp) throws IOException {
        Path ws = tmp.resolve("ws");
        assertEquals(0, CliRun.of("new-workspace", ws.toString()).status());
        for (String f : files(ws)) {
            assertFalse(f.contains("solutions") || f.contains("variants") || f.contains("loop-style")
                    || f.contains("EXPECT"), f);
        }
        // every source file is the stub, never the solution: the solution-only helpers are absent too
        assertFalse(Files.exists(ws.resolve("src/conv/Patches.java")));
        for (String id : exerciseIds()) {
            Path solutions = COURSE.root().resolve("exercises/solutions").resolve(id).resolve("src");
            for (String f : files(solutions)) {
                Path mine = ws.resolve("src").resolve(f);
                if (Files.exists(mine) && Files.exists(COURSE.exercise(id).resolve("src").resolve(f))
                        && !Files.readString(COURSE.exercise(id).resolve("src").resolve(f))
                                .equals(Files.readString(solutions.resolve(f)))) {
                    assertFalse(Files.readString(mine).equals(Files.readString(solutions.resolve(f))), f);
                }
            }
        }
        try (Stream<Path> s = Files.list(ws.resolve("lib"))) {
            assertEquals(List.of("org.gradlab.check.jar", "org.gradlab.core.jar"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String jar : List.of("org.gradlab.core.jar", "org.gradlab.check.jar")) {
            try (JarFile j = new JarFile(ws.resolve("lib").resolve(jar).toFile())) {
                List<String> classes = j.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
                assertFalse(classes.isEmpty(), jar);
                for (String c : classes) {
                    assertFalse(c.startsWith("org/gradlab/engine/") || c.startsWith("org/gradlab/grader/")
                            || c.startsWith("org/gradlab/cli/"), jar + " holds " + c);
                }
                String wanted = jar.contains("core") ? "org/gradlab/core/Tensor.class"
                        : "org/gradlab/check/selfcheck/SelfCheck.class";
                assertTrue(classes.contains(wanted), jar + " lacks " + wanted);
            }
        }
    }

    @Test
    void refusesAFolderThatIsNotEmpty(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("new-workspace", tmp.toString());
        assertEquals(2, r.status());
        assertEquals("gradlab new-workspace: " + tmp.toAbsolutePath().normalize()
                + " is not empty; choose a new or empty folder (nothing was written)\n", r.err());
        assertEquals(Set.of("notes.txt"), files(tmp));
        assertEquals(2, CliRun.of("new-workspace").status());
    }
}
