package org.gradlab.ui.check;

import java.util.Optional;

import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IMember;
import org.eclipse.jdt.core.IMethod;
import org.eclipse.jdt.core.ISourceRange;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaModelException;
import org.eclipse.jdt.core.SourceRange;

/**
 * Where in the student's sources a report points: the class a report names and, inside it, the
 * method an aspect exercises (the first of that name: the course's classes do not overload the
 * student methods), else the class itself. Used for the problem markers and for double click in
 * the view, so both land on the same line.
 */
public final class MemberLocator {
    private MemberLocator() {
    }

    /** The method {@code method} of {@code className} in the project's sources, else the class, else empty. */
    public static Optional<IMember> find(IJavaProject project, String className, String method) {
        try {
            IType type = project.findType(className);
            if (type == null || type.isBinary()) {
                return Optional.empty();
            }
            if (method != null) {
                for (IMethod m : type.getMethods()) {
                    if (m.getElementName().equals(method)) {
                        return Optional.of(m);
                    }
                }
            }
            return Optional.of(type);
        } catch (JavaModelException e) {
            return Optional.empty();
        }
    }

    /** The 1-based line of the member's name in its compilation unit, or -1 when unknown. */
    public static int line(IMember member) {
        try {
            ISourceRange name = member.getNameRange();
            String source = member.getCompilationUnit() == null ? null : member.getCompilationUnit().getSource();
            if (!SourceRange.isAvailable(name) || source == null) {
                return -1;
            }
            int line = 1;
            for (int i = 0; i < name.getOffset() && i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        } catch (JavaModelException e) {
            return -1;
        }
    }
}
