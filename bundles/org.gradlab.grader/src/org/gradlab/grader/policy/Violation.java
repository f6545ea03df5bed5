package org.gradlab.grader.policy;

/**
 * One forbidden reference in a student class.
 *
 * @param className internal name of the class, e.g. "activations/ReLU" or "activations/ReLU$1"
 * @param method    the method it is in ("forward", "forward (lambda)", "&lt;init&gt;"), or "" for the class itself
 * @param what      what it does, e.g. "calls java.lang.System.exit"
 * @param reason    why that is refused, e.g. "processes may not be controlled"
 */
public record Violation(String className, String method, String what, String reason) {

    /** The class's binary name, e.g. "activations.ReLU$1". */
    public String binaryName() {
        return className.replace('/', '.');
    }

    /** The outermost class's binary name, e.g. "activations.ReLU" for a lambda or inner class of it. */
    public String topLevelName() {
        String b = binaryName();
        int dollar = b.indexOf('$');
        return dollar < 0 ? b : b.substring(0, dollar);
    }

    /** "activations/ReLU.forward: calls java.lang.System.exit (processes may not be controlled)". */
    public String message() {
        return className + (method.isEmpty() ? "" : "." + method) + ": " + what + " (" + reason + ")";
    }

    @Override
    public String toString() {
        return message();
    }
}
