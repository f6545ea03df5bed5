package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gradlab.check.Folders;
import org.gradlab.course.Course;
import org.gradlab.course.StudentWorkspace;
import org.gradlab.course.StudentWorkspace.FolderInUseException;
import org.gradlab.grader.course.CourseSources;

/**
 * {@code gradlab new-workspace DIR}: a fresh student workspace ({@link StudentWorkspace}) with the
 * student API jars in DIR/lib. The course comes from the GradLab checkout this runs in, else from the
 * copy in the org.gradlab.course bundle. Refuses a folder that is not empty.
 */
public final class NewWorkspaceCommand {

    static final String USAGE = """
            usage: gradlab new-workspace DIR
              lays out a fresh student workspace in DIR (a new or empty folder): src/ with every exercise's
              stubs, exercises/<id>/ with the task text, exercise.json and public test vectors, lib/ with the
              student API jars, README.md on how to start""";

    private NewWorkspaceCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("gradlab new-workspace: expected one folder");
            err.println(USAGE);
            return 2;
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        Path scratch = null;
        try {
            StudentWorkspace.requireNewOrEmpty(dir);
            Path checkout;
            Course course;
            try {
                CourseSources sources = CourseSources.find();
                checkout = sources.root();
                course = Course.of(sources.exercises());
            } catch (IllegalStateException noCheckout) {
                checkout = null;
                try {
                    course = Course.bundled();
                } catch (IOException noBundled) {
                    err.println("gradlab new-workspace: " + noCheckout.getMessage() + "; and " + noBundled.getMessage());
                    return 2;
                }
            }
            scratch = Files.createTempDirectory("gradlab-api");
            List<Course.Exercise> exercises = StudentWorkspace.create(course, dir, StudentApiJars.write(scratch, checkout));
            out.println("new workspace in " + dir + ": " + exercises.size() + " exercises, stubs in src/, task texts"
                    + " and public test vectors in exercises/, the student API in lib/");
            out.println("start with " + dir.resolve("README.md") + "; check your work with: gradlab check " + dir);
            return 0;
        } catch (FolderInUseException e) {
            err.println("gradlab new-workspace: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("gradlab new-workspace: " + e.getMessage());
            return 1;
        } finally {
            Folders.deleteQuietly(scratch);
        }
    }
}
