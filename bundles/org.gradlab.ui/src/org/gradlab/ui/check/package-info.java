/**
 * Check in the IDE without widgets: what a selection means ({@link org.gradlab.ui.check.CheckTargets}),
 * the background job that builds with JDT and runs the check protocol's separate JVM
 * ({@link org.gradlab.ui.check.CheckJob}), problem markers on the student's methods
 * ({@link org.gradlab.ui.check.CheckMarkers}), and the runs with their history
 * ({@link org.gradlab.ui.check.CheckService}, {@link org.gradlab.ui.check.CheckHistoryStore}).
 */
package org.gradlab.ui.check;
