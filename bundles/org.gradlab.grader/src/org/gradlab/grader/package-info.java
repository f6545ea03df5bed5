/** The autograder: grading submissions against the reference engine, in a sandbox, in batches. */
package org.gradlab.grader;
