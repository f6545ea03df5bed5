package org.gradlab.check.selfcheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * The student's compiled classes, reached by reflection: the self-check only knows the student
 * API from the stubs, not as compiled types. Whatever student code throws comes out unchanged
 * (unwrapped from reflection), so {@link #describe} can tell an untouched stub from a bug; an
 * API that is not there is a {@link MissingApi} with a message a student understands.
 */
final class Student {
    /** A class, constructor or method the exercise needs is not there (or has another signature). */
    static final class MissingApi extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingApi(String message) {
            super(message);
        }
    }

    /** Student code returned something the contract does not allow (null, a wrong type or count). */
    static final class BadResult extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadResult(String message) {
            super(message);
        }
    }

    private final ClassLoader loader;

    Student(ClassLoader loader) {
        this.loader = loader;
    }

    Class<?> load(String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new MissingApi("class " + className + " is missing");
        }
    }

    /** {@code new className(args…)}; Integer/Double/Boolean arguments match int/double/boolean parameters. */
    Object construct(String className, Object... args) {
        Class<?> c = load(className);
        Class<?>[] types = StudentReflection.parameterTypes(args);
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new MissingApi(className + " needs a public constructor " + c.getSimpleName() + "("
                    + StudentReflection.signature(types) + ")");
        }
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new MissingApi("cannot construct " + className + ": " + e);
        }
    }

    /** The object as a {@link Layer}, or a MissingApi saying it must implement one. */
    static Layer layer(Object o) {
        if (o instanceof Layer l) {
            return l;
        }
        throw new MissingApi(o.getClass().getName() + " must implement " + Layer.class.getName());
    }

    Object call(Object target, String method, Object... args) {
        Class<?>[] types = StudentReflection.parameterTypes(args);
        Method m;
        try {
            m = target.getClass().getMethod(method, types);
        } catch (NoSuchMethodException e) {
            throw new MissingApi(target.getClass().getName() + " needs a public method " + method + "("
                    + StudentReflection.signature(types) + ")");
        }
        return invoke(m, target, args);
    }

    Object callStatic(String className, String method, Class<?>[] types, Object... args) {
        Class<?> c = load(className);
        Method m;
        try {
            m = c.getMethod(method, types);
        } catch (NoSuchMethodException e) {
            throw new MissingApi(className + " needs a public static method " + method + "("
                    + StudentReflection.signature(types) + ")");
        }
        return invoke(m, null, args);
    }

    Tensor callTensor(Object target, String method, Object... args) {
        return tensor(target, method, call(target, method, args));
    }

    /** A method's result that must be a Tensor[] of {@code count} tensors. */
    Tensor[] callTensors(Object target, String method, int count, Object... args) {
        Object r = call(target, method, args);
        if (!(r instanceof Tensor[] ts) || ts.length != count || Arrays.asList(ts).contains(null)) {
            throw new BadResult(target.getClass().getSimpleName() + "." + method + " must return "
                    + count + " tensors (a Tensor[]), returned " + describeValue(r));
        }
        return ts;
    }

    /** A method's result that must be a List of {@code count} tensors, none null. */
    List<Tensor> tensorList(Object target, String method, int count, Object... args) {
        Object r = call(target, method, args);
        if (r instanceof List<?> list && list.size() == count && list.stream().allMatch(t -> t instanceof Tensor)) {
            @SuppressWarnings("unchecked")
            List<Tensor> ts = (List<Tensor>) list;
            return ts;
        }
        throw new BadResult(target.getClass().getSimpleName() + "." + method + " must return a List of " + count
                + " tensors, returned " + (r instanceof List<?> l ? "a List of " + l.size() : describeValue(r)));
    }

    /** {@code parameters()} of a module (a Layer or not) as a list of parameters. */
    List<Parameter> parameters(Object module) {
        Object r = call(module, "parameters");
        if (r instanceof List<?> list && list.stream().allMatch(p -> p instanceof Parameter)) {
            @SuppressWarnings("unchecked")
            List<Parameter> ps = (List<Parameter>) list;
            return ps;
        }
        throw new BadResult(module.getClass().getSimpleName()
                + ".parameters() must return a List<Parameter>, returned " + describeValue(r));
    }

    Parameter parameter(Object module, String accessor) {
        Object r = call(module, accessor);
        if (r instanceof Parameter p) {
            return p;
        }
        throw new BadResult(module.getClass().getSimpleName() + "." + accessor
                + "() must return a Parameter, returned " + describeValue(r));
    }

    private static Tensor tensor(Object target, String method, Object r) {
        if (r == null || r instanceof Tensor) {
            return (Tensor) r;
        }
        throw new BadResult(target.getClass().getSimpleName() + "." + method
                + " must return a Tensor, returned " + describeValue(r));
    }

    private static Object invoke(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (IllegalAccessException e) {
            throw new MissingApi("cannot call " + m + ": " + e.getMessage());
        }
    }

    /** Throws what student code threw, as it was (unchecked ones directly, checked ones wrapped). */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("threw " + t, t);
    }

    private static String describeValue(Object r) {
        return r == null ? "null" : "a " + r.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- what went wrong, for a student

    /** An untouched stub: {@code UnsupportedOperationException("TODO…")}. */
    static boolean notStarted(Throwable t) {
        return t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().startsWith("TODO");
    }

    /** One line: what was thrown and the first frame in the student's own code. */
    String describe(Throwable t) {
        if (t instanceof MissingApi || t instanceof BadResult) {
            return t.getMessage();
        }
        String at = StudentReflection.studentFrame(t, loader);
        at = at.isEmpty() ? "" : " at " + at;
        if (notStarted(t)) {
            return "not started: " + t.getMessage();
        }
        if (t instanceof StackOverflowError) {
            return "recursed too deeply (StackOverflowError)" + at;
        }
        if (t instanceof OutOfMemoryError) {
            return "ran out of memory" + at;
        }
        if (t instanceof Error && t.getMessage() != null && t.getMessage().startsWith("Unresolved compilation")) {
            return "does not compile: " + t.getMessage().replace('\n', ' ') + at;
        }
        return "threw " + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + at;
    }
}
