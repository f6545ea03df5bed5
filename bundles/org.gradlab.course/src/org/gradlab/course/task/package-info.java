/**
 * An exercise's task text as an HTML page for the IDE: Markdown (commonmark-java with GFM tables)
 * whose LaTeX spans are kept away from the Markdown parser and typeset by KaTeX in the page, with
 * the exercise's stub files and methods as {@code gradlab:open} links. Headless: the Eclipse view
 * only shows the page and follows the links.
 */
package org.gradlab.course.task;
