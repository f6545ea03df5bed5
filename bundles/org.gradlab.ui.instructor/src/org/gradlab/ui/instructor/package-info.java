/**
 * The instructor's batch grading in the IDE, without SWT: what the form's fields mean
 * ({@link org.gradlab.ui.instructor.BatchRequest}), the grading Job over the grader's
 * {@code GradeBatch} and what it ends with. The view ({@code views}) only shows them.
 */
package org.gradlab.ui.instructor;
