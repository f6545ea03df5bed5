package org.gradlab.ui.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.ExerciseReport.Status;

/**
 * One Check run as the view and the history see it: what was asked, the exercise reports as
 * they arrive, and how it ended. Written by the check job's thread, read by the UI thread, hence
 * synchronized; readers get copies.
 */
public final class CheckRunRecord {
    static final int MAX_OUTPUT_LINES = 200;

    private final String project;
    private final List<String> asked;
    private final Instant started;
    private final List<ExerciseReport> reports = new ArrayList<>();
    private int expected;
    private String running;
    private boolean finished;
    private boolean cancelled;
    private String problem;
    private Duration elapsed = Duration.ZERO;
    private final Deque<String> output = new ArrayDeque<>();
    private int printed;
    private volatile String note;

    public CheckRunRecord(String project, List<String> asked, Instant started) {
        this.project = project;
        this.asked = List.copyOf(asked);
        this.started = started;
    }

    /** A finished run read back from the history file. */
    public static CheckRunRecord restored(String project, List<String> asked, Instant started,
            List<ExerciseReport> reports, int expected, boolean cancelled, String problem, Duration elapsed) {
        CheckRunRecord r = new CheckRunRecord(project, asked, started);
        r.reports.addAll(reports);
        r.expected = expected;
        r.finish(cancelled, problem, elapsed);
        return r;
    }

    public String project() {
        return project;
    }

    /** The exercises asked for; empty: all of the project's. */
    public List<String> asked() {
        return asked;
    }

    public Instant started() {
        return started;
    }

    public synchronized List<ExerciseReport> reports() {
        return List.copyOf(reports);
    }

    /** How many exercises the run will check (known once the check process has listed them). */
    public synchronized int expected() {
        return Math.max(expected, reports.size());
    }

    /** The exercise being checked now ("03-activations: Activation functions"), or null. */
    public synchronized String running() {
        return running;
    }

    public synchronized boolean finished() {
        return finished;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Why the run could not do its work (one line), or null. */
    public synchronized String problem() {
        return problem;
    }

    public synchronized Duration elapsed() {
        return elapsed;
    }

    synchronized void expect(int total) {
        expected = Math.max(expected, total);
    }

    synchronized void running(String exercise) {
        running = exercise;
    }

    synchronized void add(ExerciseReport report) {
        reports.removeIf(r -> r.id().equals(report.id()));
        reports.add(report);
        running = null;
    }

    /** The last lines the student's code printed during the run (a print in a loop must not fill the heap). */
    public synchronized List<String> output() {
        return List.copyOf(output);
    }

    /** How many lines the student's code printed in all (more than {@link #output()} holds when it printed a lot). */
    public synchronized int printed() {
        return printed;
    }

    synchronized void output(String line) {
        printed++;
        if (output.size() == MAX_OUTPUT_LINES) {
            output.removeFirst();
        }
        output.addLast(line);
    }

    /**
     * The output of a run read back from the history: its kept lines (at most the last
     * {@link #MAX_OUTPUT_LINES}, as when it ran) and how many were printed in all.
     */
    synchronized void restoreOutput(List<String> lines, int printedInAll) {
        output.clear();
        lines.subList(Math.max(0, lines.size() - MAX_OUTPUT_LINES), lines.size()).forEach(output::addLast);
        printed = Math.max(printedInAll, lines.size());
    }

    synchronized void finish(boolean wasCancelled, String why, Duration took) {
        finished = true;
        running = null;
        cancelled = wasCancelled;
        problem = why;
        elapsed = took;
    }

    /** What the student should know about how this run was asked for (part of a selection left out), or null. */
    public String note() {
        return note;
    }

    void note(String text) {
        note = text;
    }

    /** Exercises that need another look: failed, did not compile, timed out. */
    public List<String> failedExercises() {
        return reports().stream().filter(r -> failed(r.status())).map(ExerciseReport::id).toList();
    }

    public static boolean failed(Status s) {
        return s == Status.FAILED || s == Status.COMPILE_ERROR || s == Status.TIMED_OUT;
    }

    /** The counts of the view's counter bar. */
    public record Counts(int done, int expected, int passed, int inProgress, int failed, int notStarted) {
    }

    public Counts counts() {
        List<ExerciseReport> rs = reports();
        return new Counts(rs.size(), expected(), count(rs, Status.PASSED), count(rs, Status.IN_PROGRESS),
                (int) rs.stream().filter(r -> failed(r.status())).count(), count(rs, Status.NOT_STARTED));
    }

    private static int count(List<ExerciseReport> rs, Status s) {
        return (int) rs.stream().filter(r -> r.status() == s).count();
    }

    /**
     * One line for the status bar of the view: "Checking 03-activations: Activation functions
     * (2 of 13)…", "cancelled after 3 of 13 exercises", "13 exercises in 4.2 s", or the problem.
     */
    public synchronized String summary() {
        int total = Math.max(expected, reports.size());
        if (!finished) {
            return running == null ? "Checking " + label() + "…"
                    : "Checking " + running + " (" + (reports.size() + 1) + (total > 0 ? " of " + total : "") + ")…";
        }
        if (cancelled) {
            return "Cancelled after " + reports.size() + " of " + (total > 0 ? total : "?")
                    + (total == 1 ? " exercise" : " exercises");
        }
        String took = String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        if (problem != null) {
            return problem;
        }
        return reports.size() + (reports.size() == 1 ? " exercise" : " exercises") + " checked in " + took;
    }

    /** "gradlab-ws" or "gradlab-ws: 03-activations" — for the history menu. */
    public String label() {
        return asked.isEmpty() ? project
                : project + ": " + (asked.size() == 1 ? asked.get(0) : String.join(", ", asked));
    }
}
