package org.gradlab.check.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.check.json.Json;
import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * The lines between {@link CheckProcess} and {@link CheckMain}, each one JSON object. The parent
 * sends one request line on the child's stdin; the child answers on its stdout with
 * <pre>
 * {"event":"started","id":…,"title":…,"index":0,"total":13}
 * {"event":"output","line":…}          (what the student's code printed)
 * {"event":"finished","report":{…}}     ({@link ReportJson})
 * {"event":"error","message":…}         (the child could not run the check at all)
 * {"event":"done"}
 * </pre>
 */
final class Protocol {
    static final String EVENT = "event";
    static final String STARTED = "started";
    static final String FINISHED = "finished";
    static final String OUTPUT = "output";
    static final String ERROR = "error";
    static final String DONE = "done";

    private Protocol() {
    }

    static String started(String id, String title, int index, int total) {
        Map<String, Object> m = event(STARTED);
        m.put("id", id);
        m.put("title", title);
        m.put("index", (double) index);
        m.put("total", (double) total);
        return Json.write(m);
    }

    static String finished(ExerciseReport report) {
        Map<String, Object> m = event(FINISHED);
        m.put("report", ReportJson.toJson(report));
        return Json.write(m);
    }

    static String output(String line) {
        Map<String, Object> m = event(OUTPUT);
        m.put("line", line);
        return Json.write(m);
    }

    static String error(String message) {
        Map<String, Object> m = event(ERROR);
        m.put("message", message);
        return Json.write(m);
    }

    static String done() {
        return Json.write(event(DONE));
    }

    private static Map<String, Object> event(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(EVENT, name);
        return m;
    }

    // ---------------------------------------------------------------- the request

    /** What the child needs of a {@link CheckRequest} (the java and the classpath it already runs with). */
    record Request(String workspace, String classesDir, List<String> exercises, long timeoutMillis,
            List<CompileProblem> compileProblems) {
    }

    static String request(CheckRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workspace", r.workspace().toString());
        m.put("classes", r.classesDir().toString());
        m.put("exercises", new ArrayList<Object>(r.exercises()));
        m.put("timeoutMillis", (double) r.perExerciseTimeout().toMillis());
        List<Object> problems = new ArrayList<>();
        for (CompileProblem p : r.compileProblems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("file", p.file());
            pm.put("line", (double) p.line());
            pm.put("message", p.message());
            problems.add(pm);
        }
        m.put("compileProblems", problems);
        return Json.write(m);
    }

    static Request readRequest(String line) {
        Map<?, ?> m = ReportJson.object(ReportJson.parse(line), "request");
        List<CompileProblem> problems = new ArrayList<>();
        if (m.get("compileProblems") instanceof List<?> l) {
            for (Object o : l) {
                Map<?, ?> pm = ReportJson.object(o, "request.compileProblems");
                problems.add(new CompileProblem(ReportJson.string(pm, "file", "request.compileProblems"),
                        (int) ReportJson.number(pm, "line", "request.compileProblems"),
                        ReportJson.string(pm, "message", "request.compileProblems")));
            }
        }
        return new Request(ReportJson.string(m, "workspace", "request"), ReportJson.string(m, "classes", "request"),
                ReportJson.strings(m, "exercises", "request"), (long) ReportJson.number(m, "timeoutMillis", "request"),
                problems);
    }
}
