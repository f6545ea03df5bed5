/**
 * The student's self-check, without the reference engine: public test vectors and numeric
 * gradient checks run against the student's own classes, with a per-exercise watchdog.
 */
package org.gradlab.check.selfcheck;
