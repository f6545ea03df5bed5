package org.gradlab.grader.spec;

import java.util.List;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * A student object constructed on first use, inside a check. A missing class or a throwing
 * constructor then fails every check that needs the object — as many checks as a working
 * submission runs, so a part's fraction is not inflated by checks that never ran — instead of
 * escaping {@code grade()}. Results of student methods are type-checked here, so a wrong return
 * type fails the check rather than crashing the grader with a ClassCastException.
 */
public final class StudentInstance {
    private final StudentCode code;
    private final String className;
    private final Object[] args;
    private Object instance;

    /** {@code new className(args…)} once needed; arguments are matched as {@link StudentCode#construct}. */
    public StudentInstance(StudentCode code, String className, Object... args) {
        this.code = code;
        this.className = className;
        this.args = args.clone();
    }

    public String className() {
        return className;
    }

    /** The object; a failed construction throws its {@link StudentFault} again at every call. */
    public Object get() {
        if (instance == null) {
            instance = code.construct(className, Object.class, args);
        }
        return instance;
    }

    /** Calls a public method of the object (constructing it first). */
    public Object call(String method, Object... callArgs) {
        return code.call(get(), method, callArgs);
    }

    /** Calls a method that must return a tensor (null is passed on for the comparison to report). */
    public Tensor callTensor(String method, Object... callArgs) {
        return tensor(simpleName() + "." + method, call(method, callArgs));
    }

    /** {@code parameters()} of the object, checked to be a list of parameters. */
    public List<Parameter> parameters() {
        return parameterList(simpleName() + ".parameters()", call("parameters"));
    }

    /** The object seen as a {@link Layer}; every call constructs it first, so it fails inside a check. */
    public Layer layer() {
        return new Layer() {
            @Override
            public Tensor forward(Tensor input) {
                return asLayer().forward(input);
            }

            @Override
            public Tensor backward(Tensor gradOutput) {
                return asLayer().backward(gradOutput);
            }

            @Override
            public List<Parameter> parameters() {
                return parameterList(simpleName() + ".parameters()", asLayer().parameters());
            }

            @Override
            public void setTraining(boolean training) {
                asLayer().setTraining(training);
            }
        };
    }

    private Layer asLayer() {
        if (get() instanceof Layer l) {
            return l;
        }
        throw new StudentFault(className + " must implement " + Layer.class.getName(), false, true, null);
    }

    private String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** {@code value} as a tensor, or a fault naming {@code what} returned something else. */
    public static Tensor tensor(String what, Object value) {
        if (value == null || value instanceof Tensor) {
            return (Tensor) value;
        }
        throw new StudentFault(what + " must return a Tensor, returned a " + value.getClass().getName(), false, false,
                null);
    }

    /**
     * A method's result as tensors: a Tensor gives one, a Tensor[] its elements; exactly
     * {@code count} are required (named in the message), none of them null.
     */
    public static Tensor[] tensors(String what, Object value, List<String> names) {
        Tensor[] out;
        if (value instanceof Tensor t) {
            out = new Tensor[] {t};
        } else if (value instanceof Tensor[] ts) {
            out = ts.clone();
        } else {
            throw new StudentFault(what + " must return " + (names.size() == 1 ? "a Tensor" : "a Tensor[] of "
                    + names.size() + " " + names) + ", returned " + (value == null ? "null"
                            : "a " + value.getClass().getSimpleName()), false, false, null);
        }
        if (out.length != names.size()) {
            throw new StudentFault(what + " returned " + out.length + " tensor(s), expected " + names.size() + ": "
                    + names, false, false, null);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new StudentFault(what + " returned null for " + names.get(i), false, false, null);
            }
        }
        return out;
    }

    private static List<Parameter> parameterList(String what, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new StudentFault(what + " must return a List<Parameter>, returned " + (value == null ? "null"
                    : "a " + value.getClass().getName()), false, false, null);
        }
        for (Object o : list) {
            if (!(o instanceof Parameter)) {
                throw new StudentFault(what + " must hold only Parameter objects, found "
                        + (o == null ? "null" : o.getClass().getName()), false, false, null);
            }
        }
        @SuppressWarnings("unchecked")
        List<Parameter> ps = (List<Parameter>) list;
        return ps;
    }
}
