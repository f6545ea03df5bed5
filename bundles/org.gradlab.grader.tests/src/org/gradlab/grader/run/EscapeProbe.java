package org.gradlab.grader.run;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentCode;
import org.gradlab.grader.spec.Verdict;

/**
 * Test-only exercise for runs with the policy OFF: calls the static {@code String attempt(String)}
 * of the student class probe.Escape once per target named in the system property
 * {@code gradlab.probe} ("read:/path,write:/path,connect:PORT,list:/dir", passed as a JVM option)
 * and records what happened as each check's message, so a test sees what the sandbox allowed.
 */
public final class EscapeProbe implements ExerciseSpec {
    @Override
    public String id() {
        return "91-escape";
    }

    @Override
    public String title() {
        return "Sandbox escape attempts (runner probe)";
    }

    @Override
    public List<String> studentClasses() {
        return List.of("probe.Escape");
    }

    @Override
    public Map<Part, Double> points() {
        Map<Part, Double> p = new EnumMap<>(Part.class);
        p.put(Part.EDGE_CASES, 1.0);
        return p;
    }

    @Override
    public ExerciseResult grade(StudentCode code, long seed) {
        Grading g = new Grading(this, code, seed);
        for (String target : System.getProperty("gradlab.probe", "").split(",")) {
            if (!target.isBlank()) {
                g.check(Part.EDGE_CASES, target, () -> Verdict.pass(String.valueOf(code.callStatic("probe.Escape",
                        "attempt", new Class<?>[] {String.class}, target))));
            }
        }
        return g.finish("");
    }
}
