/**
 * The GradLab view and its commands: {@link org.gradlab.ui.views.CheckView} shows Check runs as the
 * JUnit view shows tests (counter bar, result tree, details, charts, history); the handlers start
 * runs through {@link org.gradlab.ui.check.CheckService}. Widgets only: the words are in
 * {@link org.gradlab.ui.views.ResultText}, the tree's shape in {@link org.gradlab.ui.views.ResultNode}.
 */
package org.gradlab.ui.views;
