package org.gradlab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;

/**
 * The one JSON form of grading results, used by the child→parent channel, the resumable journal
 * and {@code gradlab merge}: {@code toJson} and {@code fromJson} are exact inverses.
 */
public final class ReportJson {
    private ReportJson() {
    }

    public static Map<String, Object> toJson(SubmissionReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("seed", Long.toString(r.seed())); // a string: JSON numbers lose 64-bit precision
        m.put("score", r.score());
        m.put("max_score", r.maxScore());
        m.put("error", r.error());
        m.put("isolation", r.isolation());
        m.put("millis", (double) r.millis());
        m.put("exercises", r.exercises().stream().map(ReportJson::toJson).toList());
        m.put("compile", r.compile().stream().map(d -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("file", d.file());
            c.put("line", (double) d.line());
            c.put("error", d.error());
            c.put("message", d.message());
            return (Object) c;
        }).toList());
        m.put("violations", List.copyOf(r.violations()));
        m.put("output", r.output());
        return m;
    }

    public static SubmissionReport fromJson(Object json) {
        Map<String, Object> m = map(json, "report");
        List<ExerciseResult> exercises = new ArrayList<>();
        for (Object e : list(m.get("exercises"), "exercises")) {
            exercises.add(exerciseFromJson(e));
        }
        List<CompileDiagnostic> compile = new ArrayList<>();
        for (Object o : list(m.get("compile"), "compile")) {
            Map<String, Object> c = map(o, "compile diagnostic");
            compile.add(new CompileDiagnostic(str(c, "file"), num(c, "line").intValue(), (Boolean) c.get("error"),
                    str(c, "message")));
        }
        List<String> violations = list(m.get("violations"), "violations").stream().map(String::valueOf).toList();
        return new SubmissionReport(str(m, "name"), Long.parseLong(str(m, "seed")), exercises, compile, violations,
                str(m, "output"), str(m, "isolation"), str(m, "error"), num(m, "millis").longValue());
    }

    public static Map<String, Object> toJson(ExerciseResult e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("title", e.title());
        m.put("status", e.status().name());
        m.put("score", e.score());
        m.put("max_score", e.maxScore());
        m.put("note", e.note());
        m.put("parts", e.parts().stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("part", p.part().name());
            pm.put("points", p.points());
            pm.put("max_points", p.maxPoints());
            pm.put("passed", (double) p.passed());
            pm.put("total", (double) p.total());
            return (Object) pm;
        }).toList());
        m.put("checks", e.checks().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("part", c.part().name());
            cm.put("name", c.name());
            cm.put("passed", c.passed());
            cm.put("message", c.message());
            cm.put("diagnosis", c.diagnosis());
            cm.put("not_started", c.notStarted());
            return (Object) cm;
        }).toList());
        return m;
    }

    public static ExerciseResult exerciseFromJson(Object json) {
        Map<String, Object> m = map(json, "exercise");
        List<PartScore> parts = new ArrayList<>();
        for (Object o : list(m.get("parts"), "parts")) {
            Map<String, Object> p = map(o, "part");
            parts.add(new PartScore(Part.valueOf(str(p, "part")), num(p, "points").doubleValue(),
                    num(p, "max_points").doubleValue(), num(p, "passed").intValue(), num(p, "total").intValue()));
        }
        List<CheckResult> checks = new ArrayList<>();
        for (Object o : list(m.get("checks"), "checks")) {
            Map<String, Object> c = map(o, "check");
            checks.add(new CheckResult(Part.valueOf(str(c, "part")), str(c, "name"), (Boolean) c.get("passed"),
                    str(c, "message"), (String) c.get("diagnosis"), (Boolean) c.get("not_started")));
        }
        return new ExerciseResult(str(m, "id"), str(m, "title"), Status.valueOf(str(m, "status")), parts, checks,
                str(m, "note"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (o instanceof Map<?, ?>) {
            return (Map<String, Object>) o;
        }
        throw new IllegalArgumentException("grading report: " + what + " must be an object, got " + o);
    }

    private static List<?> list(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("grading report: " + what + " must be a list, got " + o);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("grading report: field '" + key + "' must be a string, got " + v);
    }

    private static Number num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("grading report: field '" + key + "' must be a number, got " + v);
    }
}
