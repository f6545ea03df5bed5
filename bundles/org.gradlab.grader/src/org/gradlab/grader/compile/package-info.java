/** Compiling submissions with ECJ against the student API. */
package org.gradlab.grader.compile;
