/**
 * The "GradLab Task" view: an exercise's task text rendered by {@code org.gradlab.course.task}
 * in the SWT Browser, its stub links opened in the Java editor.
 */
package org.gradlab.ui.task;
