package org.gradlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gradlab.check.SourceLayers;
import org.gradlab.check.UnifiedDiff;
import org.gradlab.course.StudentWorkspace.FolderInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentWorkspaceTest {

    private static Course course() throws IOException {
        return Course.of(CourseFiles.exercises());
    }

    /** The workspace's expected files, derived from the repository listing, not from the code under test. */
    private static Set<String> expectedFiles(boolean withLib) throws IOException {
        Set<String> out = new TreeSet<>(List.of("README.md"));
        for (String f : CourseFiles.studentFiles()) {
            int slash = f.indexOf('/');
            if (slash < 0) {
                continue; // the course outline stays with the course
            }
            String id = f.substring(0, slash);
            String rest = f.substring(slash + 1);
            out.add(rest.startsWith("src/") ? rest : "exercises/" + id + "/" + rest);
        }
        if (withLib) {
            out.addAll(List.of("lib/org.gradlab.core.jar", "lib/org.gradlab.check.jar"));
        }
        return out;
    }

    @Test
    void laysOutStubsTaskTextsVectorsTheApiJarsAndAReadme(@TempDir Path tmp) throws IOException {
        Path core = Files.writeString(tmp.resolve("org.gradlab.core.jar"), "core bytes");
        Path check = Files.writeString(tmp.resolve("org.gradlab.check.jar"), "check bytes");
        Path ws = tmp.resolve("new/ws");

        List<Course.Exercise> made = StudentWorkspace.create(course(), ws, List.of(core, check));

        assertEquals(13, made.size());
        Set<String> got = CourseFiles.files(ws);
        assertEquals(expectedFiles(true), got);
        assertTrue(got.containsAll(List.of("src/activations/ReLU.java", "src/autodiff/Value.java",
                "exercises/03-activations/README.md", "exercises/03-activations/vectors/public.json",
                "exercises/13-memorization/exercise.json")));
        for (String f : got) {
            Path from = f.startsWith("src/") ? findStub(f.substring(4))
                    : f.startsWith("exercises/") ? CourseFiles.exercises().resolve(f.substring("exercises/".length()))
                    : null;
            if (from != null) {
                assertArrayEquals(Files.readAllBytes(from), Files.readAllBytes(ws.resolve(f)), f);
            }
        }
        assertEquals("core bytes", Files.readString(ws.resolve("lib/org.gradlab.core.jar")));
        String readme = Files.readString(ws.resolve("README.md"));
        assertTrue(readme.contains("| `03-activations` | Activation functions | 10 | `activations.Sigmoid`, "), readme);
        assertTrue(readme.contains("| `lib/` | the student API") && readme.contains("-cp 'lib/*'"), readme);
    }

    @Test
    void withoutJarsThereIsNoLibAndTheReadmePointsAtTheClasspath(@TempDir Path tmp) throws IOException {
        Path ws = tmp.resolve("ws");
        StudentWorkspace.create(course(), ws, List.of());
        assertEquals(expectedFiles(false), CourseFiles.files(ws));
        assertFalse(Files.exists(ws.resolve("lib")));
        String readme = Files.readString(ws.resolve("README.md"));
        assertFalse(readme.contains("lib/"), readme);
        assertTrue(readme.contains("\"GradLab Student API\"") && readme.contains("| `13-memorization` |"), readme);
    }

    @Test
    void refusesAFolderThatIsNotEmptyOrAFileAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path mine = Files.writeString(tmp.resolve("notes.txt"), "my own work");
        FolderInUseException e = assertThrows(FolderInUseException.class,
                () -> StudentWorkspace.create(course(), tmp, List.of()));
        assertEquals(tmp + " is not empty; choose a new or empty folder (nothing was written)", e.getMessage());
        assertEquals(Set.of("notes.txt"), CourseFiles.files(tmp));
        assertEquals("my own work", Files.readString(mine));

        FolderInUseException file = assertThrows(FolderInUseException.class,
                () -> StudentWorkspace.create(course(), mine, List.of()));
        assertEquals(mine + " is a file; choose a new or empty folder (nothing was written)", file.getMessage());
        assertEquals("my own work", Files.readString(mine));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        StudentWorkspace.create(course(), empty, List.of());
        assertTrue(Files.isRegularFile(empty.resolve("src/activations/ReLU.java")), "an empty folder is fine");
    }

    /**
     * No file of the workspace equals or contains a file of exercises/solutions (solution overlays,
     * variant diffs, loop-style diffs and the files they make) that differs from the stub it replaces.
     */
    @Test
    void neverWritesASolution(@TempDir Path tmp) throws IOException {
        Path ws = tmp.resolve("ws");
        StudentWorkspace.create(course(), ws, List.of());
        List<String> workspace = new ArrayList<>();
        for (String f : CourseFiles.files(ws)) {
            workspace.add(Files.readString(ws.resolve(f)));
        }
        Path solutions = CourseFiles.exercises().resolve("solutions");
        int compared = 0;
        Map<String, String> secrets = new TreeMap<>(); // <id>/<src|loop-style|variants>/<rest> → its text
        for (String f : CourseFiles.files(solutions)) {
            secrets.put(f, Files.readString(solutions.resolve(f)));
            if (f.endsWith("/loop-style/" + SourceLayers.LOOP_STYLE_DIFF)) {
                secrets.putAll(loopStyleFiles(solutions, f.substring(0, f.indexOf('/')), tmp));
            }
        }
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            String f = e.getKey();
            String solution = e.getValue();
            String[] parts = f.split("/", 3);
            Path stub = parts.length == 3 && !parts[1].equals("variants")
                    ? CourseFiles.exercises().resolve(parts[0]).resolve("src").resolve(parts[2]) : null;
            if (stub != null && Files.isRegularFile(stub) && Files.readString(stub).equals(solution)) {
                continue; // identical to the stub: nothing secret
            }
            compared++;
            for (String text : workspace) {
                assertFalse(text.contains(solution.strip()), "the workspace holds exercises/solutions/" + f);
            }
        }
        assertTrue(compared > 50, "compared " + compared + " solution files");
        assertFalse(Files.exists(ws.resolve("src/conv/Patches.java")), "a solution-only helper");
        for (String f : CourseFiles.files(ws)) {
            assertFalse(f.contains("solutions") || f.contains("variants") || f.contains("loop-style")
                    || f.contains("EXPECT"), f);
        }
    }

    /** The files the loop-style diff of {@code id} makes from its solution: "<id>/loop-style/<rest>" → text. */
    private static Map<String, String> loopStyleFiles(Path solutions, String id, Path tmp) throws IOException {
        Path tree = tmp.resolve("loop-style-" + id);
        Path loopStyle = solutions.resolve(id).resolve("loop-style");
        for (Path layer : List.of(CourseFiles.exercises().resolve(id).resolve("src"),
                solutions.resolve(id).resolve("src"), loopStyle)) {
            SourceLayers.overlay(layer, tree);
        }
        Path diff = loopStyle.resolve(SourceLayers.LOOP_STYLE_DIFF);
        Map<String, String> out = new TreeMap<>();
        for (UnifiedDiff.FilePatch p : UnifiedDiff.parse(diff.toString(), Files.readString(diff))) {
            out.put(id + "/loop-style/" + p.path(), Files.readString(tree.resolve(p.path())));
        }
        return out;
    }

    private static Path findStub(String relative) throws IOException {
        for (Course.Exercise e : course().exercises()) {
            if (Files.isRegularFile(e.stubs().resolve(relative))) {
                return e.stubs().resolve(relative);
            }
        }
        throw new AssertionError("no exercise ships " + relative);
    }
}
