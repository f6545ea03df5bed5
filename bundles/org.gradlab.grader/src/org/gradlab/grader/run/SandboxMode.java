package org.gradlab.grader.run;

/** How the grading JVM is isolated from the host. */
public enum SandboxMode {
    /** bubblewrap where it is installed and works; otherwise a reduced isolation, said so in the report. */
    AUTO,
    /** bubblewrap or nothing: a grader that cannot sandbox refuses to start. */
    BWRAP,
    /** No OS sandbox (the bytecode policy, heap and time limits still apply); the report says so. */
    NONE
}
