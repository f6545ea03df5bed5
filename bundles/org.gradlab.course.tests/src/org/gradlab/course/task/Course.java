package org.gradlab.course.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gradlab.course.CourseFiles;

/** The repository's course folder (the checkout found by {@link CourseFiles#repo()}). */
final class Course {
    private Course() {
    }

    static Path root() {
        return CourseFiles.repo();
    }

    static Path exercise(String id) {
        return root().resolve("exercises").resolve(id);
    }

    /** The ids of the course's exercises (folders with an exercise.json). */
    static List<String> ids() throws IOException {
        try (Stream<Path> dirs = Files.list(root().resolve("exercises"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("exercise.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }
}
