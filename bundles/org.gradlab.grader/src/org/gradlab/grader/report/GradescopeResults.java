package org.gradlab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;

/**
 * A submission as Gradescope's autograder {@code results.json}
 * (gradescope-autograders.readthedocs.io/en/latest/specs): top-level {@code score},
 * {@code execution_time} (seconds), {@code output}, {@code extra_data} and one entry of
 * {@code tests} per exercise part ({@code name}, {@code number}, {@code score}, {@code max_score},
 * {@code status} "passed"/"failed", {@code output} with every check and its diagnosis,
 * {@code visibility}). The top-level score is given explicitly, so Gradescope does not re-add the
 * tests' scores.
 */
public final class GradescopeResults {
    private GradescopeResults() {
    }

    public static Map<String, Object> toJson(SubmissionReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", r.score());
        // Gradescope's one timing field; every other written report leaves timing out so a replay
        // with the same seed reproduces them byte for byte.
        m.put("execution_time", (double) Math.round(r.millis() / 1000.0));
        m.put("output", overview(r));
        m.put("visibility", "visible");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("name", r.name());
        extra.put("seed", Long.toString(r.seed()));
        extra.put("max_score", r.maxScore());
        extra.put("isolation", r.isolation());
        m.put("extra_data", extra);
        List<Object> tests = new ArrayList<>();
        int exerciseNumber = 0;
        for (ExerciseResult e : r.exercises()) {
            exerciseNumber++;
            int partNumber = 0;
            for (PartScore p : e.parts()) {
                partNumber++;
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", e.title() + ": " + p.part().label());
                t.put("number", exerciseNumber + "." + partNumber);
                t.put("score", p.points());
                t.put("max_score", p.maxPoints());
                boolean passed = e.status() == Status.GRADED && p.total() > 0 && p.passed() == p.total();
                t.put("status", passed ? "passed" : "failed");
                t.put("output", partOutput(e, p));
                t.put("visibility", "visible");
                tests.add(t);
            }
        }
        m.put("tests", tests);
        return m;
    }

    /** Everything about the submission as a whole: seed, isolation, intake, compiler, policy, output. */
    static String overview(SubmissionReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("GradLab autograder: ").append(Scores.outOf(r.score(), r.maxScore())).append('\n');
        sb.append("Seed: ").append(r.seed()).append(" (hidden cases are drawn from it; the same seed replays them)\n");
        sb.append("Isolation: ").append(r.isolation()).append('\n');
        if (!r.error().isEmpty()) {
            sb.append("\nError: ").append(r.error()).append('\n');
        }
        if (!r.compile().isEmpty()) {
            sb.append("\nCompiler messages:\n");
            for (CompileDiagnostic d : r.compile()) {
                sb.append("  ").append(d).append('\n');
            }
        }
        if (!r.violations().isEmpty()) {
            sb.append("\nForbidden in graded code:\n");
            for (String v : r.violations()) {
                sb.append("  ").append(v).append('\n');
            }
        }
        if (!r.output().isEmpty()) {
            sb.append("\nYour code's output:\n").append(r.output());
            if (!r.output().endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** One part's checks, one per line, failures with their message and the diagnosed mistake. */
    static String partOutput(ExerciseResult e, PartScore p) {
        StringBuilder sb = new StringBuilder();
        if (e.status() != Status.GRADED) {
            sb.append(Scores.label(e.status()));
            sb.append(e.note().isEmpty() ? "" : ": " + e.note()).append('\n');
        } else if (!e.note().isEmpty()) {
            sb.append(e.note()).append('\n');
        }
        sb.append(p.passed()).append(" of ").append(p.total()).append(" checks passed\n");
        for (CheckResult c : e.checks()) {
            if (c.part() == p.part()) {
                sb.append(checkLine(c));
            }
        }
        return sb.toString();
    }

    static String checkLine(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.passed() ? "PASS " : "FAIL ").append(c.name());
        if (!c.passed() && !c.message().isEmpty()) {
            sb.append(": ").append(c.message());
        }
        sb.append('\n');
        if (!c.passed() && c.diagnosis() != null && !c.diagnosis().isEmpty()) {
            sb.append("     likely mistake: ").append(c.diagnosis()).append('\n');
        }
        return sb.toString();
    }
}
