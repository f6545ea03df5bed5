package org.gradlab.check.selfcheck;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reflection helpers shared by the self-check ({@link Student}) and the autograder's
 * {@code StudentCode}: how call arguments pick a constructor or method, how a signature reads in
 * feedback, and which stack frame is the student's own.
 */
public final class StudentReflection {
    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(Integer.class, int.class, Double.class,
            double.class, Boolean.class, boolean.class, Long.class, long.class, Float.class, float.class);

    private StudentReflection() {
    }

    /**
     * The parameter types {@code args} are matched by: boxed numbers and booleans by their
     * primitive forms (an Integer argument needs an {@code int} parameter), any List by
     * {@code List}, anything else by its own class.
     */
    public static Class<?>[] parameterTypes(Object... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                throw new IllegalArgumentException("bug in the checking code: null argument " + i
                        + " (pass a typed value)");
            }
            Class<?> c = args[i].getClass();
            types[i] = args[i] instanceof List ? List.class : PRIMITIVES.getOrDefault(c, c);
        }
        return types;
    }

    /** The parameter list as feedback shows it: "int, Tensor". */
    public static String signature(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    /** "Class.method(File.java:12)" of the first frame whose class {@code loader} defined, or "". */
    public static String studentFrame(Throwable t, ClassLoader loader) {
        for (StackTraceElement e : t.getStackTrace()) {
            try {
                Class<?> c = Class.forName(e.getClassName(), false, loader);
                if (c.getClassLoader() == loader) {
                    return e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":"
                            + e.getLineNumber() + ")";
                }
            } catch (ClassNotFoundException | LinkageError ignored) {
                // not a class the student's loader knows: a JDK, GradLab or grader frame
            }
        }
        return "";
    }
}
