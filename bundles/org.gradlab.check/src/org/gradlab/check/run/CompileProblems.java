package org.gradlab.check.run;

import java.util.Collection;
import java.util.List;

import org.gradlab.check.selfcheck.ExerciseManifest;
import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * What compile errors mean for the self-check, for every caller (the IDE's check JVM, the CLI):
 * an exercise with an error in one of its packages is reported as not compiling, with the errors
 * as notes, and is not run; the other exercises are still checked.
 */
public final class CompileProblems {
    private CompileProblems() {
    }

    /** The problems in the given packages, in their order. */
    public static List<CompileProblem> in(List<CompileProblem> problems, Collection<String> packages) {
        return problems.stream().filter(p -> packages.contains(p.packageName())).toList();
    }

    /** The problems outside every given package. */
    public static List<CompileProblem> outside(List<CompileProblem> problems, Collection<String> packages) {
        return problems.stream().filter(p -> !packages.contains(p.packageName())).toList();
    }

    /** The exercise's report when {@code own} (its packages' problems) is not empty, else null: run it. */
    public static ExerciseReport reportOf(ExerciseManifest exercise, List<CompileProblem> problems) {
        List<CompileProblem> own = in(problems, exercise.packages());
        if (own.isEmpty()) {
            return null;
        }
        return new ExerciseReport(exercise.id(), exercise.title(), ExerciseReport.Status.COMPILE_ERROR, List.of(),
                own.stream().map(CompileProblem::note).toList());
    }
}
