package org.gradlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Placeholder proving that tycho-surefire runs JUnit 5 tests in this fragment; delete once real tests exist. */
class BuildSmokeTest {

    @Test
    void arithmeticStillWorks() {
        assertEquals(4, 2 + 2);
    }
}
