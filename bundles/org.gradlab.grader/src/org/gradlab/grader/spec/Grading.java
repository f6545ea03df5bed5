package org.gradlab.grader.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gradlab.core.Rng;

/**
 * Collects the checks of one exercise while a spec runs them, turning student faults into failed
 * checks, and scores the parts: each part earns its points times the fraction of its checks passed.
 */
public final class Grading {
    private final ExerciseSpec spec;
    private final StudentCode code;
    private final long seed;
    private final List<CheckResult> checks = new ArrayList<>();

    public Grading(ExerciseSpec spec, StudentCode code, long seed) {
        this.spec = spec;
        this.code = code;
        this.seed = seed;
    }

    public StudentCode code() {
        return code;
    }

    /** A generator for one named stream of cases, fixed by the grading seed, the exercise and the name. */
    public Rng rng(String stream) {
        long h = seed * 0x9E3779B97F4A7C15L + spec.id().hashCode();
        h = h * 0x9E3779B97F4A7C15L + stream.hashCode();
        return new Rng(h ^ (h >>> 31));
    }

    /**
     * Runs one check. Anything student code throws becomes a failed check whose message says what
     * and where; a grader bug (an exception from our own code) propagates.
     */
    public void check(Part part, String name, Callable<Verdict> body) {
        Verdict v;
        boolean notStarted = false;
        try {
            v = body.call();
        } catch (StudentFault f) {
            notStarted = f.notStarted();
            v = Verdict.fail(f.getMessage());
        } catch (RuntimeException | Error e) {
            StudentFault f = StudentFault.of(e, code);
            if (!fromStudent(e)) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            notStarted = f.notStarted();
            v = Verdict.fail(f.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("grader bug in check " + name, e);
        }
        checks.add(new CheckResult(part, name, v.passed(), v.message(), v.diagnosis(), notStarted));
    }

    /** True when a throwable came out of student code (some frame belongs to the student loader). */
    private boolean fromStudent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (!code.studentFrame(c).isEmpty()) {
                return true;
            }
        }
        return t instanceof StackOverflowError || t instanceof OutOfMemoryError;
    }

    public List<CheckResult> checks() {
        return List.copyOf(checks);
    }

    /** Scores the parts and decides the status (NOT_STARTED when every check hit a stub). */
    public ExerciseResult finish(String note) {
        Map<Part, int[]> counts = new EnumMap<>(Part.class);
        for (CheckResult c : checks) {
            int[] n = counts.computeIfAbsent(c.part(), p -> new int[2]);
            n[1]++;
            if (c.passed()) {
                n[0]++;
            }
        }
        List<PartScore> parts = new ArrayList<>();
        for (Map.Entry<Part, Double> e : spec.points().entrySet()) {
            int[] n = counts.getOrDefault(e.getKey(), new int[2]);
            double points = n[1] == 0 ? 0 : e.getValue() * n[0] / n[1];
            parts.add(new PartScore(e.getKey(), points, e.getValue(), n[0], n[1]));
        }
        boolean allStubs = !checks.isEmpty() && checks.stream().allMatch(CheckResult::notStarted);
        Status status = allStubs ? Status.NOT_STARTED : Status.GRADED;
        return new ExerciseResult(spec.id(), spec.title(), status, parts, List.copyOf(checks),
                note == null ? "" : note);
    }
}
