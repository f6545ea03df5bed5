/**
 * Running a submission: intake, policy, the sandboxed child JVM and its authenticated result channel.
 *
 * <p>{@link org.gradlab.grader.run.SubmissionGrader} is the entry point. What contains a submission,
 * outermost first:
 * <ol>
 * <li>Intake ({@code Intake}, {@code SafeUnzip}): only UTF-8 {@code .java} text is copied into a private
 * (0700) scratch folder; zip entries cannot escape it, zip bombs stop at the size limit, symbolic
 * links out of the submission are refused.</li>
 * <li>ECJ compiles against the student API alone ({@code org.gradlab.core}).</li>
 * <li>The bytecode policy ({@link org.gradlab.grader.policy.BytecodePolicy}, an allow-list) refuses
 * files, network, processes, reflection, threads, native code, JDK internals, the engine and the
 * grader; refused classes are deleted before anything runs.</li>
 * <li>{@link org.gradlab.grader.run.GradingChild} runs in a forked JVM (heap, stack, finalization
 * off), inside bubblewrap where available ({@code Sandbox}: no network, own PID namespace, read-only
 * JDK and grader classes, a private tmpfs, nothing else of the host), loading student classes in a
 * fresh loader per exercise that sees only the student API.</li>
 * <li>The parent enforces the time limits and kills the whole process tree, and accepts results only
 * as HMAC-authenticated, in-sequence lines ({@code ResultChannel}) under a per-child key that travels
 * on stdin; the student's own output goes to stderr, is capped, and is reported as output.</li>
 * </ol>
 */
package org.gradlab.grader.run;
