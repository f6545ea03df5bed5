/**
 * Workbench views of the GradLab Eclipse plug-in. {@link org.gradlab.ui.views.CheckView} is the
 * home of check results; for now it shows placeholder content.
 */
package org.gradlab.ui.views;
