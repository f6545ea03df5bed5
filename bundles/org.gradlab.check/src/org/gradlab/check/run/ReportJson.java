package org.gradlab.check.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.check.json.Json;
import org.gradlab.check.json.JsonParseException;
import org.gradlab.check.selfcheck.ClassReport;
import org.gradlab.check.selfcheck.Curve;
import org.gradlab.check.selfcheck.Evidence;
import org.gradlab.check.selfcheck.ExerciseReport;
import org.gradlab.check.selfcheck.Item;
import org.gradlab.check.selfcheck.Outcome;

/**
 * Self-check reports as JSON and back, the one mapping for the check protocol and for the IDE's
 * saved history of runs. Numbers that JSON cannot hold (NaN, ±Infinity — a student's backward
 * overflowing is exactly what a report must show) travel as the strings "NaN", "Infinity",
 * "-Infinity", as {@link Json} writes them. Reading checks every field: a wrong one is a
 * {@link FormatException} naming the field and what came.
 */
public final class ReportJson {
    private ReportJson() {
    }

    /** A report or run that is not what this mapping writes. */
    public static final class FormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public FormatException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- writing

    public static Map<String, Object> toJson(ExerciseReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("title", r.title());
        m.put("status", r.status().name());
        List<Object> classes = new ArrayList<>();
        for (ClassReport c : r.classes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("class", c.className());
            List<Object> items = new ArrayList<>();
            c.items().forEach(i -> items.add(toJson(i)));
            cm.put("items", items);
            classes.add(cm);
        }
        m.put("classes", classes);
        m.put("notes", new ArrayList<Object>(r.notes()));
        List<Object> curves = new ArrayList<>();
        r.curves().forEach(c -> curves.add(toJson(c)));
        m.put("curves", curves);
        return m;
    }

    private static Map<String, Object> toJson(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aspect", i.aspect());
        m.put("outcome", i.outcome().name());
        m.put("failed", (double) i.failed());
        m.put("total", (double) i.total());
        m.put("detail", i.detail());
        m.put("diagnosis", i.diagnosis());
        if (i.evidence() != null) {
            Evidence e = i.evidence();
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("case", e.caseName());
            em.put("tensor", e.tensor());
            em.put("worstIndex", e.worstIndex());
            em.put("expected", e.expected());
            em.put("actual", e.actual());
            em.put("relativeError", e.relativeError());
            em.put("expectedLabel", e.expectedLabel());
            em.put("actualLabel", e.actualLabel());
            em.put("expectedValues", numbers(e.expectedValues()));
            em.put("actualValues", numbers(e.actualValues()));
            m.put("evidence", em);
        }
        return m;
    }

    private static Map<String, Object> toJson(Curve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("xLabel", c.xLabel());
        m.put("yLabel", c.yLabel());
        List<Object> series = new ArrayList<>();
        for (Curve.Series s : c.series()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("x", numbers(s.x()));
            sm.put("y", numbers(s.y()));
            series.add(sm);
        }
        m.put("series", series);
        return m;
    }

    private static List<Object> numbers(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** One line of JSON (no line breaks inside: strings escape theirs). */
    public static String write(ExerciseReport r) {
        return Json.write(toJson(r));
    }

    /** A whole run, e.g. for the IDE's history. */
    public static Map<String, Object> toJson(CheckRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> reports = new ArrayList<>();
        run.reports().forEach(r -> reports.add(toJson(r)));
        m.put("reports", reports);
        m.put("cancelled", run.cancelled());
        m.put("problem", run.problem());
        m.put("elapsedMillis", (double) run.elapsed().toMillis());
        return m;
    }

    public static String write(CheckRun run) {
        return Json.write(toJson(run));
    }

    // ---------------------------------------------------------------- reading

    /** Parses what {@link #write(ExerciseReport)} wrote. */
    public static ExerciseReport read(String json) {
        return report(parse(json), "report");
    }

    /** Parses what {@link #write(CheckRun)} wrote. */
    public static CheckRun readRun(String json) {
        Map<?, ?> m = object(parse(json), "run");
        List<ExerciseReport> reports = new ArrayList<>();
        List<?> rs = list(m, "reports", "run");
        for (int i = 0; i < rs.size(); i++) {
            reports.add(report(rs.get(i), "run.reports[" + i + "]"));
        }
        if (!(m.get("cancelled") instanceof Boolean cancelled)) {
            throw new FormatException("run: \"cancelled\" must be true or false, got " + describe(m.get("cancelled")));
        }
        return new CheckRun(reports, cancelled, optString(m, "problem", "run"),
                Duration.ofMillis((long) number(m, "elapsedMillis", "run")));
    }

    static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonParseException e) {
            throw new FormatException("not JSON: " + e.getMessage() + " in: " + abbreviate(json));
        }
    }

    /** A report from parsed JSON; {@code where} names it in error messages. */
    public static ExerciseReport report(Object json, String where) {
        Map<?, ?> m = object(json, where);
        List<ClassReport> classes = new ArrayList<>();
        List<?> cs = list(m, "classes", where);
        for (int i = 0; i < cs.size(); i++) {
            String at = where + ".classes[" + i + "]";
            Map<?, ?> cm = object(cs.get(i), at);
            List<Item> items = new ArrayList<>();
            List<?> is = list(cm, "items", at);
            for (int j = 0; j < is.size(); j++) {
                items.add(item(is.get(j), at + ".items[" + j + "]"));
            }
            classes.add(new ClassReport(string(cm, "class", at), List.copyOf(items)));
        }
        List<String> notes = strings(m, "notes", where);
        List<Curve> curves = new ArrayList<>();
        List<?> cvs = m.containsKey("curves") ? list(m, "curves", where) : List.of();
        for (int i = 0; i < cvs.size(); i++) {
            curves.add(curve(cvs.get(i), where + ".curves[" + i + "]"));
        }
        return new ExerciseReport(string(m, "id", where), string(m, "title", where),
                enumValue(ExerciseReport.Status.class, m, "status", where), classes, notes, curves);
    }

    private static Item item(Object json, String where) {
        Map<?, ?> m = object(json, where);
        Evidence evidence = null;
        if (m.get("evidence") != null) {
            String at = where + ".evidence";
            Map<?, ?> e = object(m.get("evidence"), at);
            evidence = new Evidence(optString(e, "case", at), optString(e, "tensor", at), optString(e, "worstIndex", at),
                    number(e, "expected", at), number(e, "actual", at), number(e, "relativeError", at),
                    numbers(e, "expectedValues", at), numbers(e, "actualValues", at), optString(e, "expectedLabel", at),
                    optString(e, "actualLabel", at));
        }
        return new Item(string(m, "aspect", where), enumValue(Outcome.class, m, "outcome", where),
                (int) number(m, "failed", where), (int) number(m, "total", where), string(m, "detail", where),
                optString(m, "diagnosis", where), evidence);
    }

    private static Curve curve(Object json, String where) {
        Map<?, ?> m = object(json, where);
        List<Curve.Series> series = new ArrayList<>();
        List<?> ss = list(m, "series", where);
        for (int i = 0; i < ss.size(); i++) {
            String at = where + ".series[" + i + "]";
            Map<?, ?> sm = object(ss.get(i), at);
            double[] x = numbers(sm, "x", at);
            double[] y = numbers(sm, "y", at);
            if (x.length != y.length) {
                throw new FormatException(at + ": " + x.length + " x values but " + y.length + " y values");
            }
            series.add(new Curve.Series(string(sm, "name", at), x, y));
        }
        return new Curve(string(m, "title", where), string(m, "xLabel", where), string(m, "yLabel", where), series);
    }

    // ---------------------------------------------------------------- field access with clear errors

    static Map<?, ?> object(Object json, String where) {
        if (!(json instanceof Map<?, ?> m)) {
            throw new FormatException(where + ": expected a JSON object, got " + describe(json));
        }
        return m;
    }

    private static List<?> list(Map<?, ?> m, String key, String where) {
        if (!(m.get(key) instanceof List<?> l)) {
            throw new FormatException(where + ": \"" + key + "\" must be an array, got " + describe(m.get(key)));
        }
        return l;
    }

    static String string(Map<?, ?> m, String key, String where) {
        if (!(m.get(key) instanceof String s)) {
            throw new FormatException(where + ": \"" + key + "\" must be a string, got " + describe(m.get(key)));
        }
        return s;
    }

    /** An array of strings. */
    static List<String> strings(Map<?, ?> m, String key, String where) {
        List<String> out = new ArrayList<>();
        for (Object o : list(m, key, where)) {
            if (!(o instanceof String s)) {
                throw new FormatException(where + ": \"" + key + "\" must hold strings, got " + describe(o));
            }
            out.add(s);
        }
        return out;
    }

    static String optString(Map<?, ?> m, String key, String where) {
        return m.get(key) == null ? null : string(m, key, where);
    }

    static double number(Map<?, ?> m, String key, String where) {
        return number(m.get(key), where + ": \"" + key + "\"");
    }

    private static double number(Object v, String what) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new FormatException(what + " must be a number, got " + describe(v));
    }

    private static double[] numbers(Map<?, ?> m, String key, String where) {
        List<?> l = list(m, key, where);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(l.get(i), where + ": \"" + key + "\"[" + i + "]");
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Map<?, ?> m, String key, String where) {
        String s = string(m, key, where);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new FormatException(where + ": \"" + key + "\" must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got \"" + s + "\"");
        }
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing (null or absent)";
        }
        if (v instanceof String s) {
            return "\"" + abbreviate(s) + "\"";
        }
        return v instanceof Map ? "an object" : v instanceof List ? "an array" : abbreviate(String.valueOf(v));
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
