package org.gradlab.grader.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.run.SubmissionGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;

/**
 * A stand-in for the sandboxed runner: reports that depend only on (name, seed), as a real
 * deterministic grading would, with a real (varying) millis; optionally slow, or failing like a
 * crashed grader after some number of calls; interrupted, it returns a "grading interrupted"
 * report as the real runner does. Counts calls and the most concurrent ones.
 */
public final class FakeGrading implements SubmissionGrading {
    static final String ISOLATION = "fake (tests: no child JVM)";

    private final long delayMillis;
    private final int failOnCall;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final List<String> graded = Collections.synchronizedList(new ArrayList<>());

    /** @param failOnCall the 1-based call that throws (a grader crash), or 0 for never */
    public FakeGrading(long delayMillis, int failOnCall) {
        this.delayMillis = delayMillis;
        this.failOnCall = failOnCall;
    }

    public FakeGrading() {
        this(0, 0);
    }

    @Override
    public SubmissionReport grade(Path submission, String name, long seed) {
        long start = System.nanoTime();
        int call = calls.incrementAndGet();
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (call == failOnCall) {
                throw new IllegalStateException("injected grader crash on call " + call);
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    // Like the real runner: never throw; say so in the report and keep the flag set.
                    Thread.currentThread().interrupt();
                    SubmissionReport r = report(name, seed);
                    return new SubmissionReport(name, seed, r.exercises(), List.of(), List.of(), "", ISOLATION,
                            "grading interrupted", 1);
                }
            }
            graded.add(name);
            SubmissionReport r = report(name, seed);
            return new SubmissionReport(r.name(), r.seed(), r.exercises(), r.compile(), r.violations(), r.output(),
                    r.isolation(), r.error(), (System.nanoTime() - start) / 1_000_000 + call);
        } finally {
            running.decrementAndGet();
        }
    }

    public int calls() {
        return calls.get();
    }

    public int maxConcurrent() {
        return maxRunning.get();
    }

    public Set<String> graded() {
        synchronized (graded) {
            return Set.copyOf(graded);
        }
    }

    /**
     * A plausible report drawn from (name, seed): three exercises of two parts, three checks each;
     * failures carry diagnoses (with case-specific numbers), and some names get a compile error,
     * a time-out, a policy violation or an intake error.
     */
    public static SubmissionReport report(String name, long seed) {
        Random rnd = new Random(name.hashCode() * 31L + seed);
        String[][] exercises = {{"01-autodiff", "Scalar reverse-mode autodiff"}, {"03-activations",
                "Activation functions"}, {"07-convolution", "Convolution"}};
        List<ExerciseResult> results = new ArrayList<>();
        List<CompileDiagnostic> compile = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (String[] ex : exercises) {
            Status special = special(name, ex[0]);
            List<PartScore> maxParts = List.of(new PartScore(Part.FORWARD, 4, 4, 0, 3),
                    new PartScore(Part.INPUT_GRADIENT, 6, 6, 0, 3));
            if (special != null) {
                results.add(ExerciseResult.zero(ex[0], ex[1], special, maxParts, "note for " + special));
                if (special == Status.COMPILE_ERROR) {
                    compile.add(new CompileDiagnostic("convolution/Conv2d.java", 12, true, "';' expected"));
                }
                if (special == Status.POLICY_VIOLATION) {
                    violations.add("convolution/Conv2d.forward: java.io.File.<init> is forbidden");
                }
                continue;
            }
            List<CheckResult> checks = new ArrayList<>();
            List<PartScore> parts = new ArrayList<>();
            for (PartScore max : maxParts) {
                int passed = 0;
                for (int k = 0; k < 3; k++) {
                    boolean ok = rnd.nextDouble() < 0.7;
                    String diagnosis = ok ? null : switch (rnd.nextInt(3)) {
                        case 0 -> "sign flipped: the gradient has the right size but the opposite sign";
                        case 1 -> "off by a factor of the batch size (" + (2 + rnd.nextInt(5)) + ")";
                        default -> null;
                    };
                    String check = ex[1].split(" ")[0] + "/" + max.part().label() + " case " + (k + 1) + " shape ["
                            + (1 + rnd.nextInt(4)) + ", " + (1 + rnd.nextInt(4)) + "]";
                    checks.add(new CheckResult(max.part(), check, ok, ok ? "" : "max abs error "
                            + rnd.nextInt(100) / 10.0 + " at [0, 1]", diagnosis, false));
                    passed += ok ? 1 : 0;
                }
                parts.add(new PartScore(max.part(), max.maxPoints() * passed / 3, max.maxPoints(), passed, 3));
            }
            results.add(new ExerciseResult(ex[0], ex[1], Status.GRADED, parts, checks, ""));
        }
        String error = name.startsWith("broken") ? "not a zip file" : "";
        if (!error.isEmpty()) {
            results.replaceAll(e -> ExerciseResult.zero(e.id(), e.title(), Status.MISSING, e.parts(), error));
        }
        return new SubmissionReport(name, seed, results, compile, violations,
                "hello from " + name + " <&> ]]>\n", ISOLATION, error, 0);
    }

    private static Status special(String name, String exercise) {
        if (!exercise.equals("07-convolution")) {
            return null;
        }
        if (name.contains("slowpoke")) {
            return Status.TIMED_OUT;
        }
        if (name.contains("typo")) {
            return Status.COMPILE_ERROR;
        }
        if (name.contains("hacker")) {
            return Status.POLICY_VIOLATION;
        }
        return null;
    }
}
