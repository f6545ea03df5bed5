/** The batch-grading view and what it opens; thin SWT/JFace over {@code org.gradlab.ui.instructor}. */
package org.gradlab.ui.instructor.views;
