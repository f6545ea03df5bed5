/** Running a submission: intake, policy, the sandboxed child JVM and its authenticated result channel. */
package org.gradlab.grader.run;
