package org.gradlab.grader.run;

import java.nio.file.Path;
import java.util.List;

import org.gradlab.grader.spec.ExerciseSpec;
import org.gradlab.grader.specs.ExerciseCatalog;

/**
 * Limits and environment of {@link SubmissionGrader}.
 *
 * @param heapMb            heap of the grading JVM ({@code -Xmx})
 * @param exerciseSeconds   wall-clock limit of one exercise, enforced by the parent
 * @param submissionSeconds wall-clock limit of a whole submission (every child JVM together)
 * @param outputLimit       bytes of the student's stdout/stderr kept in the report
 * @param sandbox           OS isolation of the grading JVM
 * @param java              the java executable for the grading JVM (default: the running JVM's)
 * @param classpath         the grading JVM's classpath: core, check, engine, grader and the specs'
 *                          classes (see {@link ChildClasspath}); never the student's classes
 * @param exercises         the exercises to grade, in report order; each must be a public class with a
 *                          public no-argument constructor (the grading JVM instantiates it by name)
 * @param policy            check student bytecode against the policy; {@code false} only in tests
 *                          that prove the sandbox contains what the policy would have refused
 * @param maxExpandedBytes  most bytes a submission may hold (a .zip's expanded size; all .java files of a folder)
 * @param maxEntries        most entries of a .zip / .java files of a folder
 * @param jvmOptions        further options of the grading JVM (GC, start-up tuning)
 */
public record GraderConfig(int heapMb, double exerciseSeconds, double submissionSeconds, int outputLimit,
        SandboxMode sandbox, Path java, List<Path> classpath, List<ExerciseSpec> exercises, boolean policy,
        long maxExpandedBytes, int maxEntries, List<String> jvmOptions) {

    /**
     * Tuned for short runs: serial GC (no GC threads to start), the JDK's class-data archive
     * (without it start-up took ~30 ms longer), C1 only (grading runs are too short for C2 to pay
     * off: a full submission took ~40% longer with C2 on 2 cores), no perf-data file in /tmp, no
     * attach listener.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism");

    public GraderConfig {
        if (heapMb < 16 || exerciseSeconds <= 0 || submissionSeconds <= 0 || outputLimit < 0
                || maxExpandedBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("grader config: limits must be positive (heap at least 16 MB)");
        }
        classpath = List.copyOf(classpath);
        exercises = List.copyOf(exercises);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** 512 MB, 10 s per exercise, 60 s per submission, 64 KiB of output, AUTO sandbox, the course's exercises. */
    public static GraderConfig defaults() {
        return forExercises(ExerciseCatalog.all());
    }

    /** The defaults, grading the given exercises (the child classpath includes their classes). */
    public static GraderConfig forExercises(List<ExerciseSpec> exercises) {
        return new GraderConfig(512, 10, 60, 64 * 1024, SandboxMode.AUTO,
                Path.of(System.getProperty("java.home"), "bin", "java"), ChildClasspath.locate(exercises), exercises,
                true, 32L << 20, 2000, DEFAULT_JVM_OPTIONS);
    }

    public GraderConfig withSandbox(SandboxMode mode) {
        return new GraderConfig(heapMb, exerciseSeconds, submissionSeconds, outputLimit, mode, java, classpath,
                exercises, policy, maxExpandedBytes, maxEntries, jvmOptions);
    }

    public GraderConfig withTimeLimits(double perExercise, double perSubmission) {
        return new GraderConfig(heapMb, perExercise, perSubmission, outputLimit, sandbox, java, classpath,
                exercises, policy, maxExpandedBytes, maxEntries, jvmOptions);
    }

    public GraderConfig withHeapMb(int mb) {
        return new GraderConfig(mb, exerciseSeconds, submissionSeconds, outputLimit, sandbox, java, classpath,
                exercises, policy, maxExpandedBytes, maxEntries, jvmOptions);
    }

    public GraderConfig withOutputLimit(int bytes) {
        return new GraderConfig(heapMb, exerciseSeconds, submissionSeconds, bytes, sandbox, java, classpath,
                exercises, policy, maxExpandedBytes, maxEntries, jvmOptions);
    }

    public GraderConfig withSizeLimits(long expandedBytes, int entries) {
        return new GraderConfig(heapMb, exerciseSeconds, submissionSeconds, outputLimit, sandbox, java, classpath,
                exercises, policy, expandedBytes, entries, jvmOptions);
    }

    /** Tests only: without the policy, only the sandbox and the limits contain the submission. */
    public GraderConfig withPolicy(boolean enabled) {
        return new GraderConfig(heapMb, exerciseSeconds, submissionSeconds, outputLimit, sandbox, java, classpath,
                exercises, enabled, maxExpandedBytes, maxEntries, jvmOptions);
    }

    public GraderConfig withJvmOptions(List<String> options) {
        return new GraderConfig(heapMb, exerciseSeconds, submissionSeconds, outputLimit, sandbox, java, classpath,
                exercises, policy, maxExpandedBytes, maxEntries, options);
    }
}
