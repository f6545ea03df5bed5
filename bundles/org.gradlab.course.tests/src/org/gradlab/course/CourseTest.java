package org.gradlab.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseTest {
    private static final List<String> IDS = List.of("01-autodiff", "02-mlp-backprop", "03-activations", "04-losses",
            "05-fully-connected", "06-optimizers", "07-convolution", "08-pooling", "09-cnn-arithmetic",
            "10-regularization", "11-recurrent", "12-attention", "13-memorization");

    @Test
    void listsTheThirteenExercisesInCourseOrderWithTitles() throws IOException {
        Course course = Course.of(CourseFiles.exercises());
        assertEquals(IDS, course.exercises().stream().map(Course.Exercise::id).toList());
        Course.Exercise activations = course.exercise("03-activations").orElseThrow();
        assertEquals("Activation functions", activations.title());
        assertEquals(CourseFiles.exercises().resolve("03-activations"), activations.folder());
        assertEquals(9, activations.manifest().classNames().size());
        assertTrue(activations.manifest().classNames().contains("activations.ReLU"));
        assertTrue(Files.isRegularFile(activations.stubs().resolve("activations/ReLU.java")));
        assertEquals("Memorization (Zhang et al. 2017) at CPU scale",
                course.exercise("13-memorization").orElseThrow().title());
        assertTrue(course.exercise("solutions").isEmpty(), "the solutions folder is no exercise");
        assertTrue(Files.isRegularFile(course.outline()));
        for (Course.Exercise e : course.exercises()) {
            assertFalse(e.title().isBlank(), e.id());
            assertTrue(Files.isRegularFile(e.taskText()), e.id() + " has a task text");
        }
    }

    @Test
    void refusesAFolderWithoutExercisesAndAnIdThatDisagreesWithItsFolder(@TempDir Path tmp) throws IOException {
        IOException none = assertThrows(IOException.class, () -> Course.of(tmp));
        assertEquals("no course at " + tmp + ": no sub-folder holds an exercise.json", none.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Course.of(tmp.resolve("nope")));
        assertTrue(missing.getMessage().startsWith("no course at " + tmp.resolve("nope") + ": expected a folder"),
                missing.getMessage());

        Path renamed = Files.createDirectories(tmp.resolve("03-activation"));
        Files.copy(CourseFiles.exercises().resolve("03-activations/exercise.json"), renamed.resolve("exercise.json"));
        IOException e = assertThrows(IOException.class, () -> Course.of(tmp));
        assertEquals(renamed.resolve("exercise.json") + " says id \"03-activations\" but its folder is 03-activation;"
                + " they must agree", e.getMessage());
    }

    /** The bundle's jar is read through a zip file system: the same course, byte for byte. */
    @Test
    void readsTheCourseInsideAJar(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("course.jar");
        try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(o)) {
            for (String f : CourseFiles.studentFiles()) {
                zip.putNextEntry(new ZipEntry("course/" + f));
                Files.copy(CourseFiles.exercises().resolve(f), zip);
                zip.closeEntry();
            }
        }
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Course course = Course.of(fs.getPath("/course"));
            assertEquals(IDS, course.exercises().stream().map(Course.Exercise::id).toList());
            assertEquals("Activation functions", course.exercise("03-activations").orElseThrow().title());

            Path ws = tmp.resolve("ws");
            StudentWorkspace.create(course, ws, List.of());
            Path fromFolder = tmp.resolve("ws-from-folder");
            StudentWorkspace.create(Course.of(CourseFiles.exercises()), fromFolder, List.of());
            assertEquals(CourseFiles.files(fromFolder), CourseFiles.files(ws));
            for (String f : CourseFiles.files(ws)) {
                assertArrayEquals(Files.readAllBytes(fromFolder.resolve(f)), Files.readAllBytes(ws.resolve(f)), f);
            }
        }
    }

    /**
     * What the build packed into this bundle: exactly the repository's student files, byte for byte,
     * and nothing of exercises/solutions. Only where the bundle is built (Tycho's OSGi test runtime);
     * the plain javac loop (releng/quicktest.sh) has no packed course.
     */
    @Test
    void theBundleCarriesExactlyTheStudentFiles() throws IOException {
        assumeTrue(Course.class.getClassLoader().getClass().getName().startsWith("org.eclipse.osgi"),
                "runs in the OSGi test runtime, where org.gradlab.course is the built bundle");
        Course bundled = Course.bundled();
        assertEquals(IDS, bundled.exercises().stream().map(Course.Exercise::id).toList());
        assertEquals("Activation functions", bundled.exercise("03-activations").orElseThrow().title());
        assertEquals(CourseFiles.studentFiles(), CourseFiles.files(bundled.root()));
        for (String f : CourseFiles.files(bundled.root())) {
            assertFalse(f.contains("solutions"), f);
            assertArrayEquals(Files.readAllBytes(CourseFiles.exercises().resolve(f)),
                    Files.readAllBytes(bundled.root().resolve(f)), f);
        }
        assertTrue(Files.readString(bundled.outline()).contains("03-activations"));
        System.out.println("bundled course at " + bundled.root().toUri() + ": "
                + CourseFiles.files(bundled.root()).size() + " files");
    }
}
