package org.gradlab.grader.report;

import java.util.List;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;

/**
 * A submission as JUnit XML, for CI test viewers: one {@code testsuite} per exercise with one
 * {@code testcase} per check ({@code <failure>} when it failed; an exercise that never ran its
 * checks, e.g. timed out or not compiling, is one failing or erroring testcase), plus a
 * "submission" suite for intake, compiler and policy whose {@code system-out} holds the student's
 * captured output. No {@code time} attributes: the file is reproducible from the seed.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String write(SubmissionReport r) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (ExerciseResult e : r.exercises()) {
            Suite s = exerciseSuite(e, r.seed());
            suites.append(s.xml());
            tests += s.tests();
            failures += s.failures();
            errors += s.errors();
        }
        Suite s = submissionSuite(r);
        suites.append(s.xml());
        tests += s.tests();
        failures += s.failures();
        errors += s.errors();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<testsuites name=\"" + Markup.attr(r.name())
                + "\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\">\n"
                + suites + "</testsuites>\n";
    }

    private record Suite(String xml, int tests, int failures, int errors) {
    }

    private static Suite exerciseSuite(ExerciseResult e, long seed) {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int errors = 0;
        for (CheckResult c : e.checks()) {
            String body = c.message() + (c.diagnosis() == null || c.diagnosis().isEmpty() ? ""
                    : "\nlikely mistake: " + c.diagnosis());
            cases.append(testcase(e.id() + "." + c.part().label(), c.name(),
                    c.passed() ? null : "failure", c.message(), body));
            failures += c.passed() ? 0 : 1;
        }
        int tests = e.checks().size();
        if (e.checks().isEmpty() && e.status() != Status.GRADED) {
            // Nothing ran: still one visible red testcase saying why, so the exercise is not silently green.
            boolean error = e.status() == Status.TIMED_OUT || e.status() == Status.CRASHED;
            String message = Scores.label(e.status()) + (e.note().isEmpty() ? "" : ": " + e.note());
            cases.append(testcase(e.id(), e.title() + " (" + Scores.label(e.status()) + ")",
                    error ? "error" : "failure", message, message));
            tests = 1;
            failures += error ? 0 : 1;
            errors += error ? 1 : 0;
        }
        StringBuilder xml = new StringBuilder();
        xml.append("  <testsuite name=\"").append(Markup.attr(e.id())).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\">\n");
        xml.append("    <properties>\n");
        property(xml, "title", e.title());
        property(xml, "status", e.status().name());
        property(xml, "score", Scores.format(e.score()));
        property(xml, "max_score", Scores.format(e.maxScore()));
        property(xml, "seed", Long.toString(seed));
        if (!e.note().isEmpty()) {
            property(xml, "note", e.note());
        }
        xml.append("    </properties>\n").append(cases).append("  </testsuite>\n");
        return new Suite(xml.toString(), tests, failures, errors);
    }

    private static Suite submissionSuite(SubmissionReport r) {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int errors = 0;
        cases.append(testcase("submission", "intake", r.error().isEmpty() ? null : "error", r.error(), r.error()));
        errors += r.error().isEmpty() ? 0 : 1;
        List<CompileDiagnostic> compileErrors = r.compile().stream().filter(CompileDiagnostic::error).toList();
        String compileText = String.join("\n", r.compile().stream().map(CompileDiagnostic::toString).toList());
        cases.append(testcase("submission", "compile", compileErrors.isEmpty() ? null : "failure",
                compileErrors.size() + " compile error(s)", compileText));
        failures += compileErrors.isEmpty() ? 0 : 1;
        cases.append(testcase("submission", "policy", r.violations().isEmpty() ? null : "failure",
                r.violations().size() + " forbidden use(s)", String.join("\n", r.violations())));
        failures += r.violations().isEmpty() ? 0 : 1;
        StringBuilder xml = new StringBuilder();
        xml.append("  <testsuite name=\"submission\" tests=\"3\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"0\">\n");
        xml.append("    <properties>\n");
        property(xml, "name", r.name());
        property(xml, "seed", Long.toString(r.seed()));
        property(xml, "isolation", r.isolation());
        property(xml, "score", Scores.format(r.score()));
        property(xml, "max_score", Scores.format(r.maxScore()));
        xml.append("    </properties>\n").append(cases);
        xml.append("    <system-out>").append(Markup.text(r.output())).append("</system-out>\n");
        xml.append("  </testsuite>\n");
        return new Suite(xml.toString(), 3, failures, errors);
    }

    /** A testcase; {@code kind} is null (passed), "failure" or "error". */
    private static String testcase(String classname, String name, String kind, String message, String body) {
        String open = "    <testcase classname=\"" + Markup.attr(classname) + "\" name=\"" + Markup.attr(name) + "\"";
        if (kind == null) {
            return open + "/>\n";
        }
        return open + ">\n      <" + kind + " message=\"" + Markup.attr(message) + "\">" + Markup.text(body) + "</"
                + kind + ">\n    </testcase>\n";
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"").append(Markup.attr(name)).append("\" value=\"")
                .append(Markup.attr(value)).append("\"/>\n");
    }
}
