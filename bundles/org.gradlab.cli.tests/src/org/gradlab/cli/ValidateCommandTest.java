package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gradlab.grader.specs.ExerciseCatalog;
import org.junit.jupiter.api.Test;

/** {@code gradlab validate} on this checkout: what CI runs after the tests. */
class ValidateCommandTest {
    @Test
    void everyExerciseOfTheCourseIsValid() {
        CliRun r = CliRun.of("validate", "--seed", "20240901");
        assertEquals(0, r.status(), r.all());
        List<String> lines = List.of(r.out().split("\n"));
        assertTrue(lines.get(0).startsWith("validate: ") && lines.get(0).endsWith(", seed 20240901 (replay with --seed"
                + " 20240901)"), lines.get(0));
        int n = ExerciseCatalog.all().size();
        for (var spec : ExerciseCatalog.all()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("✓ " + spec.id() + " ")),
                    spec.id() + "\n" + r.out());
        }
        assertTrue(lines.get(lines.size() - 1).startsWith(n + "/" + n + " exercises valid (seed 20240901, "),
                r.out());
    }

    @Test
    void oneExerciseWithAFreshSeed() {
        CliRun r = CliRun.of("validate", "--exercise", "08-pooling");
        assertEquals(0, r.status(), r.all());
        assertTrue(r.out().matches("(?s)validate: .*, seed \\d+ \\(replay with --seed \\d+\\)\n✓ 08-pooling .*"
                + "exercise\\.json agrees · solution \\d+/\\d+ · self-check solution: passed · stubs 0 \\(not started\\)"
                + " · self-check stubs: not started · \\d+/\\d+ variants caught · loop-style .*\n1/1 exercises valid .*"),
                r.out());
    }

    @Test
    void badArguments() {
        assertEquals(2, CliRun.of("validate", "--exercise", "99-nothing").status());
        assertEquals(2, CliRun.of("validate", "--seed", "x").status());
    }
}
