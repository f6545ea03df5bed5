package org.gradlab.grader.specs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.core.Rng;
import org.gradlab.grader.specs.ScalarProgram.Op;
import org.junit.jupiter.api.Test;

class ScalarProgramTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d");

    @Test
    void linesAreEvaluatedWithTheReferenceAndPrinted() {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        int x = b.leaf("x", 2);
        int y = b.leaf("y", 3);
        b.op(Op.LOG, b.op(Op.MUL, x, y));
        ScalarProgram p = b.build();
        assertEquals(Math.log(6), p.output(), 1e-15);
        assertEquals("t1 = x * y; f = log(t1) at x = 2, y = 3", p.text());
        assertArrayEquals(new double[] {1 / 2.0, 1 / 3.0}, p.referenceGradients(), 1e-12);
        assertArrayEquals(new double[] {1 / 2.0, 1 / 3.0}, p.numericGradients(), 1e-8);
    }

    @Test
    void theSameSeedDrawsTheSameProgramAndAnotherSeedAnother() {
        double[] leaves = {0.5, -1.25, 1.5};
        String first = ScalarProgram.random(new Rng(5), NAMES, leaves, 8).text();
        assertEquals(first, ScalarProgram.random(new Rng(5), NAMES, leaves, 8).text());
        assertNotEquals(first, ScalarProgram.random(new Rng(6), NAMES, leaves, 8).text());
    }

    @Test
    void everyLeafOfARandomProgramReachesTheOutput() {
        for (long seed = 0; seed < 50; seed++) {
            ScalarProgram p = ScalarProgram.random(new Rng(seed), NAMES, new double[] {0.7, -1.1, 1.9, 0.4}, 6);
            String lines = p.text().substring(0, p.text().indexOf(" at "));
            for (int i = 0; i < p.leafCount(); i++) {
                assertTrue(lines.matches(".*\\b" + p.leafName(i) + "\\b.*"), p.text());
            }
            assertTrue(Double.isFinite(p.output()), p.text());
            assertTrue(Math.abs(p.output()) <= 1e3 * 4, p.text());
        }
    }

    @Test
    void overwritingInsteadOfAddingShowsOnlyWhereAValueIsShared() {
        ScalarProgram.Builder tree = new ScalarProgram.Builder();
        int a = tree.leaf("a", 1.5);
        int b = tree.leaf("b", -0.5);
        tree.op(Op.MUL, tree.op(Op.TANH, a), tree.op(Op.EXP, b));
        ScalarProgram noSharing = tree.build();
        for (double[] g : noSharing.overwritingGradients()) {
            assertArrayEquals(noSharing.referenceGradients(), g, 1e-12);
        }

        ScalarProgram.Builder square = new ScalarProgram.Builder();
        int x = square.leaf("x", 3);
        square.op(Op.MUL, x, x);
        for (double[] g : square.build().overwritingGradients()) {
            assertArrayEquals(new double[] {3}, g, 0); // x instead of 2x
        }

        // t = x·y feeds two operations: the last one to run decides t's gradient
        ScalarProgram.Builder fork = new ScalarProgram.Builder();
        int u = fork.leaf("x", 2);
        int v = fork.leaf("y", 5);
        int t = fork.op(Op.MUL, u, v);
        fork.op(Op.ADD, fork.op(Op.NEG, t), fork.op(Op.MUL, t, t));
        ScalarProgram shared = fork.build();
        double[] right = shared.referenceGradients(); // f = −t + t², ∂f/∂t = 2t − 1 = 19
        assertArrayEquals(new double[] {19 * 5, 19 * 2}, right, 1e-12);
        assertTrue(shared.overwritingGradients().stream().noneMatch(g -> g[0] == right[0]));
    }

    @Test
    void aKinkIsReportedInsteadOfAFalseNumericGradient() {
        ScalarProgram.Builder b = new ScalarProgram.Builder();
        b.op(Op.RELU, b.leaf("x", 0.0));
        ScalarProgram p = b.build();
        try {
            p.numericGradients();
            throw new AssertionError("relu at 0 is a kink");
        } catch (org.gradlab.check.KinkException expected) {
            assertEquals(0, p.referenceGradients()[0]);
        }
    }
}
