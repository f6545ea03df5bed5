package org.gradlab.grader.spec;

/** The parts an exercise is scored in; each spec gives points to the parts it tests. */
public enum Part {
    FORWARD("forward"),
    INPUT_GRADIENT("input gradient"),
    PARAMETER_GRADIENTS("parameter gradients"),
    EDGE_CASES("edge cases"),
    STATEFUL_INVARIANTS("stateful invariants");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
