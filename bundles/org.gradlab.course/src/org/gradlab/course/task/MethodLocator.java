package org.gradlab.course.task;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a method's declaration in Java source by its text, for jumping to it when the Java model
 * does not know the file (a project without the Java nature, a file outside a source folder).
 * A declaration is a line with modifiers and a return type before the name and a parenthesis
 * after it; calls ({@code x.backward(g)}, {@code return backward(g)}) do not match.
 */
public final class MethodLocator {
    private MethodLocator() {
    }

    /** The offset of the method's name in its first declaration, or -1. */
    public static int find(String source, String method) {
        Pattern declaration = Pattern.compile("(?m)^[ \\t]*(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
                + "(?:(?:public|protected|private|static|final|synchronized|abstract|native|default|strictfp)\\s+)*"
                + "(?:<[^>]*>\\s*)?(?!return\\b|new\\b|else\\b|throw\\b)[\\w$.]+(?:<[^;(){}]*>)?(?:\\[\\])*\\s+("
                + Pattern.quote(method) + ")\\s*\\(");
        Matcher m = declaration.matcher(source);
        return m.find() ? m.start(1) : -1;
    }
}
