package org.gradlab.grader.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.gradlab.check.selfcheck.StudentReflection;

/**
 * The student's compiled classes, and reflective construction/calls whose failures read as
 * feedback ("activations.PReLU needs a public constructor PReLU(int)"). Reflection is the
 * grader's privilege: the bytecode policy forbids it in student code.
 */
public final class StudentCode {
    private final ClassLoader loader;

    public StudentCode(ClassLoader loader) {
        this.loader = loader;
    }

    public ClassLoader loader() {
        return loader;
    }

    /** True when the class exists in the submission. */
    public boolean has(String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public Class<?> load(String className) {
        try {
            Class<?> c = Class.forName(className, true, loader);
            if (c.getClassLoader() != loader) {
                throw new StudentFault(className + " must be the submission's own class", false, true, null);
            }
            return c;
        } catch (ClassNotFoundException e) {
            throw new StudentFault("class " + className + " is missing from the submission", false, true, e);
        } catch (LinkageError e) {
            throw StudentFault.of(e, this);
        }
    }

    /**
     * {@code new className(args…)} as an instance of {@code type}; argument types are matched by
     * their primitive forms (an Integer argument needs an {@code int} parameter).
     */
    public <T> T construct(String className, Class<T> type, Object... args) {
        Class<?> c = load(className);
        if (!type.isAssignableFrom(c)) {
            throw new StudentFault(className + " must implement " + type.getName(), false, true, null);
        }
        Class<?>[] types = StudentReflection.parameterTypes(args);
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new StudentFault(className + " needs a public constructor " + c.getSimpleName() + "("
                    + StudentReflection.signature(types) + ")", false, true, e);
        }
        try {
            return type.cast(ctor.newInstance(args));
        } catch (InvocationTargetException e) {
            throw StudentFault.of(e.getCause(), this);
        } catch (ReflectiveOperationException e) {
            throw new StudentFault("cannot construct " + className + ": " + e, false, true, e);
        } catch (Throwable e) {
            throw StudentFault.of(e, this);
        }
    }

    /** Calls a public method by name with arguments matched like {@link #construct}. */
    public Object call(Object target, String method, Object... args) {
        Class<?>[] types = StudentReflection.parameterTypes(args);
        Method m;
        try {
            m = target.getClass().getMethod(method, types);
        } catch (NoSuchMethodException e) {
            throw new StudentFault(target.getClass().getName() + " needs a public method " + method + "("
                    + StudentReflection.signature(types) + ")", false, true, e);
        }
        if (Modifier.isStatic(m.getModifiers())) {
            throw new StudentFault(target.getClass().getName() + "." + method + " must not be static", false, true,
                    null);
        }
        return invoke(m, target, args);
    }

    /** Calls a public static method of a student class. */
    public Object callStatic(String className, String method, Class<?>[] types, Object... args) {
        Class<?> c = load(className);
        Method m;
        try {
            m = c.getMethod(method, types);
        } catch (NoSuchMethodException e) {
            throw new StudentFault(className + " needs a public static method " + method + "("
                    + StudentReflection.signature(types) + ")", false, true, e);
        }
        return invoke(m, null, args);
    }

    private Object invoke(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw StudentFault.of(e.getCause(), this);
        } catch (IllegalAccessException e) {
            throw new StudentFault("cannot call " + m + ": " + e.getMessage(), false, true, e);
        }
    }

    /** "Class.method(File.java:12)" of the first stack frame that belongs to student code, or "". */
    String studentFrame(Throwable t) {
        return StudentReflection.studentFrame(t, loader);
    }
}
