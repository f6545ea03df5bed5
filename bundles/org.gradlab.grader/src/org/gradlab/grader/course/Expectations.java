package org.gradlab.grader.course;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;

/**
 * A known-wrong variant's EXPECT lines against its grading result: "fail S" needs a failed check
 * whose name contains S, "diagnosis S" a failed check whose diagnosis contains S.
 */
public final class Expectations {
    private Expectations() {
    }

    /** The lines that do not hold, each with the reason; empty when all hold. */
    public static List<String> unmet(ExerciseResult result, List<String> lines) {
        List<CheckResult> failed = result.checks().stream().filter(c -> !c.passed()).toList();
        List<String> out = new ArrayList<>();
        if (lines.isEmpty()) {
            out.add("the EXPECT file is empty");
        }
        for (String line : lines) {
            if (line.startsWith("fail ")) {
                String s = line.substring(5).strip();
                if (failed.stream().noneMatch(c -> c.name().contains(s))) {
                    out.add("no failed check named *" + s + "*");
                }
            } else if (line.startsWith("diagnosis ")) {
                String s = line.substring(10).strip();
                if (failed.stream().noneMatch(c -> c.diagnosis() != null && c.diagnosis().contains(s))) {
                    out.add("no failed check diagnosed *" + s + "*");
                }
            } else {
                out.add("EXPECT line must start with 'fail ' or 'diagnosis ': " + line);
            }
        }
        return out;
    }
}
