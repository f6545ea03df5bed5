package org.gradlab.grader.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.gradlab.check.KinkException;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.RNNCell;
import org.junit.jupiter.api.Test;

class ModuleOracleTest {
    private static final ExerciseSpec SPEC = new ExerciseSpec() {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public String title() {
            return "test";
        }

        @Override
        public List<String> studentClasses() {
            return List.of();
        }

        @Override
        public Map<Part, Double> points() {
            return Map.of(Part.FORWARD, 1.0, Part.INPUT_GRADIENT, 1.0, Part.PARAMETER_GRADIENTS, 1.0,
                    Part.EDGE_CASES, 1.0, Part.STATEFUL_INVARIANTS, 1.0);
        }

        @Override
        public ExerciseResult grade(StudentCode code, long seed) {
            throw new UnsupportedOperationException();
        }
    };

    private static Grading grading() {
        return new Grading(SPEC, new StudentCode(ModuleOracleTest.class.getClassLoader()), 1);
    }

    private static ModuleOracle.Module cell(RNNCell c) {
        return ModuleOracle.of(i -> new Tensor[] {c.forward(i[0], i[1])}, go -> {
            RNNCell.Grads d = c.backward(go[0]);
            return new Tensor[] {d.input(), d.hx()};
        }, c::parameters);
    }

    private static ModuleOracle.Case rnnCase() {
        Rng r = new Rng(3);
        return new ModuleOracle.Case("batch 2").input("x", Tensor.randn(r, 2, 3)).input("h", Tensor.randn(r, 2, 4))
                .output("h'", Tensor.randn(r, 2, 4));
    }

    private static CheckResult named(Grading g, String part) {
        return g.checks().stream().filter(c -> c.name().contains(part)).findFirst().orElseThrow();
    }

    @Test
    void aCorrectModulePassesEveryCheck() {
        Grading g = grading();
        ModuleOracle.judge(g, "RNNCell", cell(new RNNCell(3, 4, new Rng(9))), cell(new RNNCell(3, 4, new Rng(1))),
                rnnCase(), true);
        assertEquals(List.of("RNNCell/batch 2: forward", "RNNCell/batch 2: backward (grad x)",
                "RNNCell/batch 2: backward (grad h)", "RNNCell/batch 2: backward (parameter gradients)",
                "RNNCell/batch 2: inputs not mutated, gradients accumulate"),
                g.checks().stream().map(CheckResult::name).toList());
        assertTrue(g.checks().stream().allMatch(CheckResult::passed), g.checks().toString());
        assertEquals(List.of(Part.FORWARD, Part.INPUT_GRADIENT, Part.INPUT_GRADIENT, Part.PARAMETER_GRADIENTS,
                Part.STATEFUL_INVARIANTS), g.checks().stream().map(CheckResult::part).toList());
    }

    @Test
    void aWrongInputGradientFailsAloneWithDiagnosisAndTheNumericOracle() {
        RNNCell s = new RNNCell(3, 4, new Rng(9));
        ModuleOracle.Module flipped = ModuleOracle.of(i -> new Tensor[] {s.forward(i[0], i[1])}, go -> {
            RNNCell.Grads d = s.backward(go[0]);
            return new Tensor[] {d.input(), d.hx().neg()};
        }, s::parameters);
        Grading g = grading();
        ModuleOracle.judge(g, "RNNCell", flipped, cell(new RNNCell(3, 4, new Rng(1))), rnnCase(), false);
        assertTrue(named(g, "grad x").passed());
        CheckResult h = named(g, "grad h");
        assertFalse(h.passed());
        assertTrue(h.diagnosis().contains("sign flipped"), h.diagnosis());
        assertTrue(h.message().contains("does not match the numeric gradient of your own forward either"),
                h.message());
        assertTrue(named(g, "parameter gradients").passed());
    }

    @Test
    void aCaseCanCountForEdgeCases() {
        Grading g = grading();
        ModuleOracle.judge(g, "RNNCell", cell(new RNNCell(3, 4, new Rng(9))), cell(new RNNCell(3, 4, new Rng(1))),
                rnnCase().part(Part.EDGE_CASES), true);
        assertTrue(g.checks().stream().allMatch(c -> c.part() == Part.EDGE_CASES));
    }

    @Test
    void overwrittenParameterGradientsAndMutatedInputsAreNamed() {
        RNNCell s = new RNNCell(3, 4, new Rng(9));
        ModuleOracle.Module overwriting = ModuleOracle.of(i -> new Tensor[] {s.forward(i[0], i[1])}, go -> {
            s.parameters().forEach(Parameter::zeroGrad);
            RNNCell.Grads d = s.backward(go[0]);
            return new Tensor[] {d.input(), d.hx()};
        }, s::parameters);
        Grading g = grading();
        ModuleOracle.judge(g, "RNNCell", overwriting, cell(new RNNCell(3, 4, new Rng(1))), rnnCase(), true);
        CheckResult inv = named(g, "accumulate");
        assertFalse(inv.passed());
        assertTrue(inv.diagnosis().contains("overwritten"), inv.diagnosis());

        RNNCell t = new RNNCell(3, 4, new Rng(9));
        ModuleOracle.Module mutating = ModuleOracle.of(i -> {
            Tensor y = t.forward(i[0], i[1]);
            i[0].mulInPlace(2);
            return new Tensor[] {y};
        }, go -> {
            RNNCell.Grads d = t.backward(go[0]);
            return new Tensor[] {d.input(), d.hx()};
        }, t::parameters);
        Grading g2 = grading();
        ModuleOracle.judge(g2, "RNNCell", mutating, cell(new RNNCell(3, 4, new Rng(1))), rnnCase(), true);
        assertTrue(named(g2, "accumulate").message().contains("changed its input x"));
    }

    @Test
    void constantsReachForwardButGetNoGradient() {
        // L = Σ g·(x − target)²: backward gives only dL/dx.
        ModuleOracle.Module sq = ModuleOracle.of(i -> new Tensor[] {i[0].sub(i[1]).square()},
                go -> new Tensor[] {go[0].mul(2).mul(Tensor.zeros(1))}, List::of);
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor target = Tensor.vector(0, 1, 1);
        ModuleOracle.Module ref = ModuleOracle.of(i -> new Tensor[] {i[0].sub(i[1]).square()},
                go -> new Tensor[] {go[0].mul(2).mul(x.sub(target))}, List::of);
        ModuleOracle.Case c = new ModuleOracle.Case("loss").input("x", x).constant("target", target)
                .output("loss", Tensor.ones(3));
        Grading g = grading();
        ModuleOracle.judge(g, "Square", sq, ref, c, false);
        assertEquals(2, g.checks().size(), "no parameter check without parameters");
        assertTrue(g.checks().get(0).passed());
        assertFalse(g.checks().get(1).passed());
        assertTrue(g.checks().get(1).name().endsWith("backward (grad x)"));
    }

    @Test
    void requireSmoothRejectsKinks() {
        ModuleOracle.Module abs = ModuleOracle.of(i -> new Tensor[] {i[0].abs()}, go -> go, List::of);
        ModuleOracle.requireSmooth(abs, new ModuleOracle.Case("away").input("x", Tensor.vector(1, -2))
                .output("y", Tensor.ones(2)));
        assertThrows(KinkException.class, () -> ModuleOracle.requireSmooth(abs,
                new ModuleOracle.Case("kink").input("x", Tensor.vector(1, 0)).output("y", Tensor.ones(2))));
    }

    @Test
    void aMissingStudentClassFailsEveryCheckThatNeedsIt() throws Exception {
        URL empty = Files.createTempDirectory("no-classes").toUri().toURL();
        StudentCode code = new StudentCode(new URLClassLoader(new URL[] {empty}, getClass().getClassLoader()));
        Grading g = new Grading(SPEC, code, 1);
        ModuleOracle.Case c = rnnCase();
        StudentInstance s = new StudentInstance(code, "rnn.Missing", 3, 4, new Rng(1));
        ModuleOracle.judge(g, "RNNCell", ModuleOracle.student(s, c), cell(new RNNCell(3, 4, new Rng(1))), c, true);
        assertEquals(5, g.checks().size());
        for (CheckResult r : g.checks()) {
            assertFalse(r.passed());
            assertTrue(r.message().contains("class rnn.Missing is missing"), r.message());
        }
        assertEquals(Status.GRADED, g.finish("").status());
    }

    @Test
    void studentResultsAreCheckedForTypeAndCount() {
        List<String> names = List.of("grad x", "grad h");
        StudentFault few = assertThrows(StudentFault.class,
                () -> StudentInstance.tensors("RNNCell.backward", new Tensor[] {Tensor.zeros(1)}, names));
        assertTrue(few.getMessage().contains("returned 1 tensor(s), expected 2: [grad x, grad h]"), few.getMessage());
        StudentFault type = assertThrows(StudentFault.class,
                () -> StudentInstance.tensors("RNNCell.backward", "nope", names));
        assertTrue(type.getMessage().contains("must return a Tensor[] of 2"), type.getMessage());
        assertThrows(StudentFault.class, () -> StudentInstance.tensors("f", new Tensor[] {null}, List.of("y")));
        assertEquals(1, StudentInstance.tensors("f", Tensor.zeros(2), List.of("y")).length);
        assertNull(StudentInstance.tensor("f", null));
    }
}
