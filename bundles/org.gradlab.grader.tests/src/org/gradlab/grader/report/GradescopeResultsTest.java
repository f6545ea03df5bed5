package org.gradlab.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gradlab.check.json.Json;
import org.gradlab.grader.batch.FakeGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.junit.jupiter.api.Test;

class GradescopeResultsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> written(SubmissionReport r) {
        // Through the JSON text, as Gradescope reads it.
        return (Map<String, Object>) Json.parse(Json.writePretty(GradescopeResults.toJson(r)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hasGradescopesFieldsWithOneTestPerExercisePart() {
        SubmissionReport r = timed(FakeGrading.report("dave \"the typo\"", 42), 2600);
        Map<String, Object> json = written(r);
        assertEquals(r.score(), (Double) json.get("score"), 1e-12);
        assertEquals(3.0, json.get("execution_time")); // seconds, rounded
        assertTrue(((String) json.get("output")).contains("Seed: 42"), (String) json.get("output"));
        assertEquals("42", ((Map<String, Object>) json.get("extra_data")).get("seed"));
        List<Object> tests = (List<Object>) json.get("tests");
        assertEquals(6, tests.size()); // 3 exercises × 2 parts
        double sum = 0;
        for (Object o : tests) {
            Map<String, Object> t = (Map<String, Object>) o;
            assertTrue(t.keySet().containsAll(Set.of("name", "score", "max_score", "status", "output", "visibility")),
                    t.keySet().toString());
            assertTrue(Set.of("passed", "failed").contains(t.get("status")), t.toString());
            assertEquals("visible", t.get("visibility"));
            double score = (Double) t.get("score");
            double max = (Double) t.get("max_score");
            assertEquals(score == max && !((String) t.get("output")).startsWith("compile error"),
                    t.get("status").equals("passed"), t.toString());
            sum += score;
        }
        assertEquals((Double) json.get("score"), sum, 1e-9, "top-level score is the sum of the tests");
        Map<String, Object> first = (Map<String, Object>) tests.get(0);
        assertEquals("Scalar reverse-mode autodiff: forward", first.get("name"));
        assertEquals("1.1", first.get("number"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void outputNamesEveryCheckWithMessageAndDiagnosis() {
        SubmissionReport r = FakeGrading.report("alice", 42);
        List<Object> tests = (List<Object>) written(r).get("tests");
        String all = String.join("\n", tests.stream().map(t -> (String) ((Map<String, Object>) t).get("output")).toList());
        r.exercises().forEach(e -> e.checks().forEach(c -> {
            assertTrue(all.contains((c.passed() ? "PASS " : "FAIL ") + c.name()), c.name());
            if (!c.passed()) {
                assertTrue(all.contains(c.name() + ": " + c.message()), c.message());
                if (c.diagnosis() != null) {
                    assertTrue(all.contains("likely mistake: " + c.diagnosis()), c.diagnosis());
                }
            }
        }));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCompileErrorFailsItsPartsAndShowsTheCompilerAndPolicyInTheOverview() {
        SubmissionReport typo = FakeGrading.report("dave \"the typo\"", 1);
        Map<String, Object> json = written(typo);
        String overview = (String) json.get("output");
        assertTrue(overview.contains("convolution/Conv2d.java:12: error: ';' expected"), overview);
        assertTrue(overview.contains("hello from dave"), overview);
        List<Object> tests = (List<Object>) json.get("tests");
        Map<String, Object> conv = (Map<String, Object>) tests.get(4);
        assertEquals("Convolution: forward", conv.get("name"));
        assertEquals("failed", conv.get("status"));
        assertEquals(0.0, conv.get("score"));
        assertTrue(((String) conv.get("output")).startsWith("compile error: note for COMPILE_ERROR"),
                (String) conv.get("output"));

        String hacker = (String) written(FakeGrading.report("eve-hacker", 1)).get("output");
        assertTrue(hacker.contains("Forbidden in graded code:\n  convolution/Conv2d.forward: java.io.File"), hacker);
        String broken = (String) written(FakeGrading.report("broken-oscar", 1)).get("output");
        assertTrue(broken.contains("Error: not a zip file"), broken);
    }

    static SubmissionReport timed(SubmissionReport r, long millis) {
        return new SubmissionReport(r.name(), r.seed(), r.exercises(), r.compile(), r.violations(), r.output(),
                r.isolation(), r.error(), millis);
    }
}
