package org.gradlab.ui.check;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.JavaRuntime;

/** The JVM the check process runs on. */
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
}
