package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;
import org.junit.jupiter.api.Test;

/**
 * Grades every submission of examples/submissions/adversarial-* as one batch (each with a correct
 * probe.Square added, so there is always another exercise to grade): each attack is contained,
 * reported with its reason, and the other exercise — and the next submission — still earns its points.
 */
class AdversarialCorpusTest {
    private record Expect(Status status, String reason) {
    }

    private static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry("adversarial-infinite-loop", new Expect(Status.TIMED_OUT, "ran past the 2 s limit of one exercise")),
            Map.entry("adversarial-deep-recursion", new Expect(Status.GRADED, "recursed too deeply (StackOverflowError)")),
            Map.entry("adversarial-system-exit", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: calls java.lang.System.exit (processes may not be controlled)")),
            Map.entry("adversarial-read-reference", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: creates java.io.File (files are not accessible)")),
            Map.entry("adversarial-write-outside", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: calls java.nio.file.Files.writeString (files are not accessible)")),
            Map.entry("adversarial-socket", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: creates java.net.Socket (the network is not accessible)")),
            Map.entry("adversarial-threads", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: creates java.lang.Thread (threads are not allowed)")),
            Map.entry("adversarial-process", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: creates java.lang.ProcessBuilder (processes may not be controlled)")),
            Map.entry("adversarial-huge-allocation", new Expect(Status.GRADED, "ran out of memory (Java heap space)")),
            Map.entry("adversarial-forged-output", new Expect(Status.GRADED, "output: ")),
            Map.entry("adversarial-reflection", new Expect(Status.POLICY_VIOLATION,
                    "activations/ReLU.forward: calls java.lang.Class.forName (reflection is not allowed)")),
            Map.entry("adversarial-reference-engine", new Expect(Status.COMPILE_ERROR,
                    "does not compile: activations/ReLU.java:12: org.gradlab.engine cannot be resolved to a type")),
            Map.entry("adversarial-static-state", new Expect(Status.GRADED, "output: ")),
            Map.entry("adversarial-symlink", new Expect(Status.GRADED, "")),
            Map.entry("adversarial-binary-junk", new Expect(Status.COMPILE_ERROR,
                    "does not compile: activations/ReLU.java:1: binary content, not Java source text")),
            Map.entry("adversarial-zip-bomb.zip", new Expect(Status.MISSING,
                    "submission not graded: zip bomb: expands beyond 32 MB")));

    @Test
    void everyAttackIsContainedAndReportedAndTheRestIsGraded() throws IOException {
        Path corpus = Submissions.root().resolve("examples/submissions");
        List<Path> examples;
        try (Stream<Path> s = Files.list(corpus)) {
            examples = s.filter(p -> p.getFileName().toString().startsWith("adversarial-")).sorted().toList();
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), examples.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new)), "the corpus and this table must agree");

        SubmissionGrader grader = new SubmissionGrader(Submissions.config());
        for (Path example : examples) {
            String name = example.getFileName().toString();
            boolean zip = name.endsWith(".zip");
            SubmissionReport r = grader.grade(zip ? example : withSquare(example), name, 11);
            Expect expect = EXPECTED.get(name);
            ExerciseResult relu = Submissions.exercise(r, "03-activations");
            String reasons = relu.note() + "\n" + relu.checks().stream().map(CheckResult::message)
                    .collect(Collectors.joining("\n"));
            assertEquals(expect.status(), relu.status(), () -> name + ":\n" + Submissions.describe(r));
            assertTrue(reasons.contains(expect.reason()), () -> name + ": no \"" + expect.reason() + "\" in\n"
                    + reasons);
            if (zip) {
                assertEquals(0, r.score(), name);
                continue;
            }
            ExerciseResult square = Submissions.exercise(r, "90-square");
            assertEquals(Status.GRADED, square.status(), () -> name + ":\n" + Submissions.describe(r));
            assertEquals(square.maxScore(), square.score(), () -> name + ":\n" + Submissions.describe(r));
            switch (name) {
                case "adversarial-symlink" -> {
                    assertEquals(relu.maxScore(), relu.score(), name);
                    assertEquals(List.of("src/activations/Reference.java: symbolic link pointing outside the"
                            + " submission refused (not followed)"), r.violations());
                }
                case "adversarial-static-state" -> assertTrue(relu.score() > 0 && relu.score() < relu.maxScore(),
                        () -> Submissions.describe(r));
                case "adversarial-forged-output" -> {
                    assertEquals(0, relu.score(), name);
                    assertTrue(r.output().contains("\"score\":100"), r.output());
                }
                default -> {
                    if (expect.status() != Status.GRADED) {
                        assertEquals(0, relu.score(), name);
                    }
                }
            }
        }
    }

    /** A copy of the example with a correct probe.Square; links stay links to the same (absolute) target. */
    private static Path withSquare(Path example) throws IOException {
        Path copy = Submissions.folder(Map.of("src/probe/Square.java", SquareProbe.SOLUTION));
        List<Path> files;
        try (Stream<Path> s = Files.walk(example)) {
            files = s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            Path target = copy.resolve(example.relativize(f).toString());
            Files.createDirectories(target.getParent());
            if (Files.isSymbolicLink(f)) {
                Files.createSymbolicLink(target, f.getParent().resolve(Files.readSymbolicLink(f)).normalize());
            } else {
                Files.copy(f, target);
            }
        }
        return copy;
    }
}
