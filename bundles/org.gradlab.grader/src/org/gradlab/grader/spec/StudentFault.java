package org.gradlab.grader.spec;

/**
 * Student code failed in a way a student should read about: it threw, recursed too deeply, ran
 * out of memory, or a class/constructor/method it must provide is missing. The message is
 * written for the student.
 */
public class StudentFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notStarted;
    private final boolean missing;

    public StudentFault(String message, boolean notStarted, boolean missing, Throwable cause) {
        super(message, cause);
        this.notStarted = notStarted;
        this.missing = missing;
    }

    /** The code still throws the stub's {@code UnsupportedOperationException("TODO: …")}. */
    public boolean notStarted() {
        return notStarted;
    }

    /** A required class, constructor or method does not exist. */
    public boolean missing() {
        return missing;
    }

    /** Describes a throwable from student code: what, where (first frame in student code), and why. */
    public static StudentFault of(Throwable t, StudentCode code) {
        if (t instanceof StudentFault f) {
            return f;
        }
        if (t instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null) {
            t = ite.getCause();
        }
        if (t instanceof ExceptionInInitializerError eie && eie.getCause() != null) {
            t = eie.getCause();
        }
        String where = code == null ? "" : code.studentFrame(t);
        String at = where.isEmpty() ? "" : " at " + where;
        if (t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().startsWith("TODO")) {
            return new StudentFault("not started: " + t.getMessage() + at, true, false, t);
        }
        if (t instanceof StackOverflowError) {
            return new StudentFault("recursed too deeply (StackOverflowError)" + at, false, false, t);
        }
        if (t instanceof OutOfMemoryError) {
            return new StudentFault("ran out of memory (" + t.getMessage() + ")" + at, false, false, t);
        }
        return new StudentFault("threw " + t.getClass().getName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()) + at, false, false, t);
    }
}
