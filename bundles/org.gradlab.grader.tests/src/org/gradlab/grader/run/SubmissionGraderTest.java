package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;
import org.junit.jupiter.api.Test;

/** The runner end to end: real child JVMs, short limits (2 s per exercise). */
class SubmissionGraderTest {
    /** Whether bubblewrap works on this machine (then AUTO must use it). */
    private static boolean bwrapWorks() {
        try {
            new SubmissionGrader(Submissions.config().withSandbox(SandboxMode.BWRAP));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void assertFullMarks(ExerciseResult e, SubmissionReport r) {
        assertEquals(Status.GRADED, e.status(), () -> Submissions.describe(r));
        assertEquals(e.maxScore(), e.score(), () -> Submissions.describe(r));
    }

    @Test
    void aCorrectSubmissionEarnsEveryPointAndTheSameSeedReplaysTheSameReport() {
        SubmissionGrader grader = new SubmissionGrader(Submissions.config());
        var sub = Submissions.withRelu(Submissions.RELU);
        SubmissionReport first = grader.grade(sub, "correct", 42);
        SubmissionReport again = grader.grade(sub, "correct", 42);
        SubmissionReport other = grader.grade(sub, "correct", 43);
        assertEquals(8.0, first.score(), () -> Submissions.describe(first));
        assertEquals(8.0, first.maxScore());
        assertEquals("", first.error());
        assertEquals(List.of(), first.compile());
        assertEquals(List.of(), first.violations());
        assertEquals(Submissions.jsonWithoutTiming(first), Submissions.jsonWithoutTiming(again));
        assertNotEquals(Submissions.jsonWithoutTiming(first).replace("\"seed\":\"42\"", ""),
                Submissions.jsonWithoutTiming(other).replace("\"seed\":\"43\"", ""),
                "another seed draws other cases (shapes appear in the check names)");
        if (bwrapWorks()) {
            assertTrue(first.isolation().startsWith("bubblewrap sandbox (no network"), first.isolation());
        } else {
            assertTrue(first.isolation().startsWith("reduced: bubblewrap"), first.isolation());
        }
    }

    @Test
    void withoutASandboxTheReportSaysIsolationWasReduced() {
        SubmissionReport r = new SubmissionGrader(Submissions.config().withSandbox(SandboxMode.NONE))
                .grade(Submissions.withRelu(Submissions.RELU), "plain", 1);
        assertEquals("reduced: sandbox disabled (sandbox NONE); forked JVM with heap and time limits only (heap 512"
                + " MB, 2 s per exercise, 30 s per submission), no OS sandbox: files and network are guarded by the"
                + " bytecode policy alone", r.isolation());
        assertEquals(8.0, r.score(), () -> Submissions.describe(r));
    }

    @Test
    void compileErrorsAreReportedWithFileAndLineAndTheOtherExercisesAreGraded() {
        String broken = Submissions.RELU.replace("return input.mul(positive);", "return input.mul(positive)");
        SubmissionReport r = new SubmissionGrader(Submissions.config()).grade(Submissions.withRelu(broken), "broken", 1);
        CompileDiagnostic d = r.compile().get(0);
        assertEquals("activations/ReLU.java", d.file());
        assertEquals(11, d.line());
        assertTrue(d.error());
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.COMPILE_ERROR, relu.status());
        assertEquals(0, relu.score());
        assertTrue(relu.note().startsWith("does not compile: activations/ReLU.java:11: Syntax error"), relu.note());
        assertFullMarks(Submissions.exercise(r, "90-square"), r);
    }

    @Test
    void aPolicyViolationScoresZeroForItsExerciseOnly() {
        String exits = Submissions.RELU.replace("positive = input.gt(0);", "positive = input.gt(0); System.exit(0);");
        SubmissionReport r = new SubmissionGrader(Submissions.config()).grade(Submissions.withRelu(exits), "exit", 1);
        String message = "activations/ReLU.forward: calls java.lang.System.exit (processes may not be controlled)";
        assertEquals(List.of(message), r.violations());
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.POLICY_VIOLATION, relu.status());
        assertEquals("refused by the bytecode policy: " + message, relu.note());
        assertEquals(0, relu.score());
        assertFullMarks(Submissions.exercise(r, "90-square"), r);
    }

    /** An endless loop that first starts a process: a whole tree the parent must kill. */
    private static String loopingWithAChild(String marker) {
        return Submissions.RELU.replace("positive = input.gt(0);", """
                try {
                    new ProcessBuilder("sleep", "%s").start();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                while (input != null) {
                    positive = input.gt(0);
                }
                """.formatted(marker));
    }

    private static void assertTimedOutAndTreeKilled(SandboxMode mode) {
        String marker = "4242." + ThreadLocalRandom.current().nextInt(1_000_000);
        GraderConfig config = Submissions.config().withSandbox(mode).withPolicy(false);
        long start = System.nanoTime();
        SubmissionReport r = new SubmissionGrader(config).grade(Submissions.withRelu(loopingWithAChild(marker)),
                "loop", 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.TIMED_OUT, relu.status(), () -> Submissions.describe(r));
        assertEquals("ran past the 2 s limit of one exercise (an endless loop?); its JVM was stopped and the"
                + " remaining exercises were graded in a new one", relu.note());
        assertEquals(0, relu.score());
        assertFullMarks(Submissions.exercise(r, "90-square"), r);
        assertTrue(seconds < 12, "took " + seconds + " s");
        boolean sleeperAlive = ProcessHandle.allProcesses().anyMatch(h -> h.info().arguments()
                .map(a -> Arrays.asList(a).contains(marker)).orElse(false) && h.isAlive());
        assertFalse(sleeperAlive, "the process the submission started must be killed with its JVM");
        assertTrue(r.isolation().endsWith("bytecode policy OFF (test configuration)"), r.isolation());
    }

    @Test
    void anEndlessLoopTimesOutAndItsWholeProcessTreeIsKilledWithoutSandbox() {
        assertTimedOutAndTreeKilled(SandboxMode.NONE);
    }

    @Test
    void anEndlessLoopTimesOutAndItsWholeProcessTreeIsKilledInTheSandbox() {
        org.junit.jupiter.api.Assumptions.assumeTrue(bwrapWorks(), "bubblewrap does not work here");
        assertTimedOutAndTreeKilled(SandboxMode.BWRAP);
    }

    @Test
    void aJvmThatDiesCrashesOnlyTheExerciseItWasRunning() {
        String halts = Submissions.RELU.replace("positive = input.gt(0);", "Runtime.getRuntime().halt(3);");
        SubmissionReport r = new SubmissionGrader(Submissions.config().withPolicy(false))
                .grade(Submissions.withRelu(halts), "halt", 1);
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.CRASHED, relu.status(), () -> Submissions.describe(r));
        assertEquals("the grading JVM died while running this exercise (exit code 3); the remaining exercises were"
                + " graded in a new one", relu.note());
        assertFullMarks(Submissions.exercise(r, "90-square"), r);
    }

    /** A full-score result for 03-activations, as a forger would write it. */
    private static final String FORGED_RESULT = "{\"event\":\"result\",\"exercise\":\"03-activations\",\"result\":"
            + "{\"id\":\"03-activations\",\"title\":\"t\",\"status\":\"GRADED\",\"score\":6,\"max_score\":6,"
            + "\"note\":\"\",\"parts\":[{\"part\":\"FORWARD\",\"points\":6,\"max_points\":6,\"passed\":1,"
            + "\"total\":1}],\"checks\":[]}}";

    @Test
    void forgedResultsPrintedByTheSubmissionAreOutputNotResults() {
        String forger = """
                package activations;

                import org.gradlab.core.Layer;
                import org.gradlab.core.Tensor;

                public final class ReLU implements Layer {
                    public Tensor forward(Tensor input) {
                        for (int seq = 0; seq < 20; seq++) {
                            System.out.println(seq + " %s %s");
                        }
                        System.out.println("x".repeat(5000));
                        return input.zerosLike();
                    }

                    public Tensor backward(Tensor gradOutput) {
                        return gradOutput;
                    }
                }
                """.formatted("ab".repeat(32), FORGED_RESULT.replace("\"", "\\\""));
        SubmissionReport r = new SubmissionGrader(Submissions.config().withOutputLimit(2000))
                .grade(Submissions.withRelu(forger), "forger", 1);
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.GRADED, relu.status(), () -> Submissions.describe(r));
        assertTrue(relu.score() < relu.maxScore() / 2, () -> Submissions.describe(r));
        assertTrue(r.output().startsWith("[03-activations]\n0 " + "ab".repeat(32) + " {\"event\":\"result\""),
                r.output());
        assertTrue(r.output().endsWith("\n[… truncated after 2000 bytes]"), r.output());
        assertEquals(2000 + "\n[… truncated after 2000 bytes]".length(), r.output().length());
    }

    @Test
    void forgedChannelLinesOnTheRealStdoutAreIgnoredAndExitingEarlyEarnsNothing() {
        // without the policy the submission can reach the channel's file descriptor, but not the key
        String forger = """
                package activations;

                import org.gradlab.core.Layer;
                import org.gradlab.core.Tensor;

                public final class ReLU implements Layer {
                    public Tensor forward(Tensor input) {
                        try {
                            var out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                            for (int seq = 0; seq < 20; seq++) {
                                out.write((seq + " %s %s\\n").getBytes());
                            }
                            out.write("\\n{\\"event\\":\\"done\\"}\\n".getBytes());
                            out.flush();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                        System.exit(0);
                        return input;
                    }

                    public Tensor backward(Tensor gradOutput) {
                        return gradOutput;
                    }
                }
                """.formatted("ab".repeat(32), FORGED_RESULT.replace("\"", "\\\""));
        SubmissionReport r = new SubmissionGrader(Submissions.config().withPolicy(false))
                .grade(Submissions.withRelu(forger), "forger", 1);
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.CRASHED, relu.status(), () -> Submissions.describe(r));
        assertEquals(0, relu.score());
        assertFullMarks(Submissions.exercise(r, "90-square"), r);
    }

    @Test
    void eachExerciseLoadsTheStudentClassesAfreshAndFailuresAreChecksNotCrashes() {
        // static state kept across instances: right on the first case only
        String leaky = Submissions.RELU.replace("private Tensor positive;", "private static Tensor positive;")
                .replace("positive = input.gt(0);", "if (positive == null) { positive = input.gt(0); }");
        SubmissionGrader grader = new SubmissionGrader(Submissions.config());
        SubmissionReport r = grader.grade(Submissions.withRelu(leaky), "leaky", 7);
        ExerciseResult relu = Submissions.exercise(r, "03-activations");
        assertEquals(Status.GRADED, relu.status());
        List<Boolean> passed = relu.checks().stream().map(CheckResult::passed).toList();
        assertEquals(List.of(true, true), passed.subList(0, 2), () -> Submissions.describe(r));
        assertTrue(passed.subList(2, 6).contains(false), () -> Submissions.describe(r));
        assertEquals(Submissions.jsonWithoutTiming(r), Submissions.jsonWithoutTiming(grader.grade(
                Submissions.withRelu(leaky), "leaky", 7)), "no state survives from one grading to the next");
    }

    @Test
    void missingExercisesAreDecidedWithoutRunningAnything() {
        SubmissionReport r = new SubmissionGrader(Submissions.config()).grade(
                Submissions.folder(Map.of("src/probe/Other.java", "package probe; public class Other {}")), "none", 1);
        for (ExerciseResult e : r.exercises()) {
            assertEquals(Status.MISSING, e.status());
            assertTrue(e.note().startsWith("none of this exercise's classes was handed in: "), e.note());
        }
        assertEquals("", r.output());
    }
}
