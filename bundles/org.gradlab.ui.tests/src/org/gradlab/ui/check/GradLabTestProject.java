package org.gradlab.ui.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;
import org.gradlab.check.UnifiedDiff;
import org.gradlab.ui.project.GradLabNature;
import org.gradlab.ui.project.StudentApiContainer;

/**
 * A GradLab project in the test workspace, laid out as the wizard lays one out but with only the
 * chosen exercises (so a check of "all" stays short): their task text, manifest and public vectors
 * under exercises/, their stubs merged in src/, the Java and GradLab natures, bin/ as output, the
 * JRE and the student API container on the class path. Copied from the repository's exercises/ (the fragment runs in bundles/org.gradlab.ui.tests).
 */
public final class GradLabTestProject {
    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    static final Path EXERCISES = REPO.resolve("exercises");

    public final IProject project;
    public final IJavaProject java;
    private final List<String> exercises;

    private GradLabTestProject(IProject project, List<String> exercises) {
        this.project = project;
        this.java = JavaCore.create(project);
        this.exercises = exercises;
    }

    public static GradLabTestProject create(String name, String... exerciseIds) throws Exception {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        IProjectDescription d = project.getDescription();
        d.setNatureIds(new String[] { JavaCore.NATURE_ID, GradLabNature.ID });
        project.setDescription(d, null);
        GradLabTestProject p = new GradLabTestProject(project, List.of(exerciseIds));
        for (String id : exerciseIds) {
            Path dir = EXERCISES.resolve(id);
            p.copy(dir.resolve("README.md"), project.getFile("exercises/" + id + "/README.md"));
            p.copy(dir.resolve("exercise.json"), project.getFile("exercises/" + id + "/exercise.json"));
            p.copyTree(dir.resolve("vectors"), project.getFolder("exercises/" + id + "/vectors"));
        }
        p.resetToStubs();
        List<IClasspathEntry> cp = new ArrayList<>();
        cp.add(JavaCore.newSourceEntry(project.getFolder("src").getFullPath()));
        cp.add(JavaRuntime.getDefaultJREContainerEntry());
        cp.add(JavaCore.newContainerEntry(StudentApiContainer.PATH));
        p.java.setRawClasspath(cp.toArray(IClasspathEntry[]::new), project.getFolder("bin").getFullPath(), null);
        Map<String, String> options = p.java.getOptions(false);
        JavaCore.setComplianceOptions("21", options);
        p.java.setOptions(options);
        return p;
    }

    /** An existing GradLab project (e.g. one the wizard made) whose exercises are {@code exerciseIds}. */
    public static GradLabTestProject of(IProject project, String... exerciseIds) {
        return new GradLabTestProject(project, List.of(exerciseIds));
    }

    /** A plain Java project with src/ but no exercises/: not a GradLab project. */
    public static IProject createPlainJava(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        IProjectDescription d = project.getDescription();
        d.setNatureIds(new String[] { JavaCore.NATURE_ID });
        project.setDescription(d, null);
        ensure(project.getFolder("src"));
        return project;
    }

    /** src/ holds exactly the chosen exercises' stubs again. */
    public void resetToStubs() throws Exception {
        IFolder src = project.getFolder("src");
        if (src.exists()) {
            src.delete(true, null);
        }
        ensure(src);
        for (String id : exercises) {
            copyTree(EXERCISES.resolve(id).resolve("src"), src);
        }
    }

    /** The reference solution of {@code id} over its stubs. */
    public void overlaySolution(String id) throws Exception {
        copyTree(EXERCISES.resolve("solutions").resolve(id).resolve("src"), project.getFolder("src"));
    }

    /** Applies a known-wrong variant's diff (exercises/solutions/ID/variants/NAME/variant.diff) to src/. */
    public void applyVariant(String id, String variant) throws Exception {
        Path diff = EXERCISES.resolve("solutions/" + id + "/variants/" + variant + "/variant.diff");
        for (UnifiedDiff.FilePatch patch : UnifiedDiff.parse(diff.toString(), Files.readString(diff))) {
            IFile file = project.getFile("src/" + patch.path());
            write(file, patch.apply(read(file)));
        }
    }

    public String read(String srcRelative) throws Exception {
        return read(project.getFile("src/" + srcRelative));
    }

    /** Replaces the one occurrence of {@code old} in src/FILE (fails when it is not there once). */
    public void replace(String srcRelative, String old, String replacement) throws Exception {
        IFile file = project.getFile("src/" + srcRelative);
        String text = read(file);
        int at = text.indexOf(old);
        if (at < 0 || text.indexOf(old, at + 1) >= 0) {
            throw new AssertionError("expected \"" + old + "\" once in " + file);
        }
        write(file, text.replace(old, replacement));
    }

    /** 1-based line of the first line of src/FILE containing {@code text}. */
    public int lineOf(String srcRelative, String text) throws Exception {
        String[] lines = read(srcRelative).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + srcRelative);
    }

    private static String read(IFile file) throws Exception {
        try (var in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void write(IFile file, String content) throws CoreException {
        ensure(file.getParent());
        var in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, IResource.FORCE, null);
        }
    }

    private void copy(Path from, IFile to) throws IOException, CoreException {
        write(to, Files.readString(from, StandardCharsets.UTF_8));
    }

    private void copyTree(Path from, IFolder to) throws IOException, CoreException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                copy(f, to.getFile(from.relativize(f).toString()));
            }
        }
    }

    private static void ensure(IContainer c) throws CoreException {
        if (c instanceof IFolder f && !f.exists()) {
            ensure(f.getParent());
            f.create(true, true, null);
        }
    }
}
