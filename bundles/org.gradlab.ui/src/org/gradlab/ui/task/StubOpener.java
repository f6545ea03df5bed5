package org.gradlab.ui.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.core.ICompilationUnit;
import org.eclipse.jdt.core.IJavaElement;
import org.eclipse.jdt.core.IMethod;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.core.JavaModelException;
import org.eclipse.jdt.ui.JavaUI;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.gradlab.course.task.MethodLocator;
import org.gradlab.course.task.TaskLink;

/**
 * Opens the file of a {@link TaskLink} from the project's {@code src/} in the Java editor and
 * reveals the method. Through JDT's model when the file is a compilation unit of a Java project
 * (overloads: the first one); otherwise (a project without the Java nature) by the declaration's text.
 */
final class StubOpener {
    private StubOpener() {
    }

    /** Opens the link's file; the message for the view when it cannot, else null. */
    static String open(IWorkbenchPage page, IProject project, TaskLink link) {
        IFile file = project.getFile("src/" + link.file());
        if (!file.exists()) {
            return "src/" + link.file() + " is not in project " + project.getName()
                    + (link.method() == null ? "" : " (looking for its method " + link.method() + ")")
                    + ": was it renamed or deleted?";
        }
        try {
            IMethod method = link.method() == null ? null : javaMethod(file, link.method());
            if (method != null) {
                JavaUI.openInEditor(method, true, true);
                return null;
            }
            IEditorPart editor = IDE.openEditor(page, file, true);
            if (link.method() != null && editor instanceof ITextEditor text) {
                int at = MethodLocator.find(read(file), link.method());
                if (at < 0) {
                    return "opened src/" + link.file() + ", but found no method " + link.method() + " in it";
                }
                text.selectAndReveal(at, link.method().length());
            }
            return null;
        } catch (PartInitException | JavaModelException e) {
            return "cannot open src/" + link.file() + ": " + e.getMessage();
        } catch (CoreException | IOException e) {
            return "cannot read src/" + link.file() + ": " + e.getMessage();
        }
    }

    /** The method in the file's primary type, when JDT's model has the file; else null. */
    private static IMethod javaMethod(IFile file, String name) throws JavaModelException {
        IJavaElement element = JavaCore.create(file);
        if (!(element instanceof ICompilationUnit unit) || !unit.exists()) {
            return null;
        }
        IType type = unit.findPrimaryType();
        for (IType t : type == null ? unit.getTypes() : new IType[] { type }) {
            for (IMethod m : t.getMethods()) {
                if (m.getElementName().equals(name)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String read(IFile file) throws CoreException, IOException {
        try (InputStream in = file.getContents()) {
            return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
        }
    }
}
