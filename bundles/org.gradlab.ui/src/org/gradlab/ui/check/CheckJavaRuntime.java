package org.gradlab.ui.check;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.JavaRuntime;
import org.gradlab.ui.project.StudentApiLocation;

/** The JVM and class path the check process runs on. */
public final class CheckJavaRuntime {
    private CheckJavaRuntime() {
    }

    /**
     * The java launcher of the project's JRE (what the student compiles against, so the classes
     * JDT wrote run there), else the one running the IDE.
     */
    public static Path javaExecutable(IJavaProject project) {
        try {
            IVMInstall vm = JavaRuntime.getVMInstall(project);
            if (vm != null && vm.getInstallLocation() != null) {
                Path java = launcher(vm.getInstallLocation().toPath());
                if (Files.isExecutable(java)) {
                    return java;
                }
            }
        } catch (CoreException e) {
            // no JRE configured for the project: the IDE's own is the one the student has
        }
        return launcher(Path.of(System.getProperty("java.home")));
    }

    private static Path launcher(Path home) {
        return home.resolve("bin").resolve(File.separatorChar == '\\' ? "java.exe" : "java");
    }

    /**
     * The student API (core and check) for the check JVM: the very jars of the project's class
     * path container, so the check runs what the student compiles against.
     */
    public static List<Path> apiClasspath() throws IOException {
        return StudentApiLocation.classpath();
    }
}
