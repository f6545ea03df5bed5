/** The exercise-specification framework: parts, checks, scoring, oracles and student-code access. */
package org.gradlab.grader.spec;
