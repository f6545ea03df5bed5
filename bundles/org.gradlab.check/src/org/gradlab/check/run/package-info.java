/**
 * The check as the IDE runs it: a child JVM ({@link org.gradlab.check.run.CheckMain}) runs the
 * self-check over already-compiled student classes and streams its results, one JSON object a
 * line, to {@link org.gradlab.check.run.CheckProcess}, which can cancel it and outlives anything
 * the student's code does (an endless loop, {@code System.exit}, a crash). Plain Java, no Eclipse.
 */
package org.gradlab.check.run;
