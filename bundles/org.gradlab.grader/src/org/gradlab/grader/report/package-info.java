/** Grading reports: the JSON form, Gradescope results.json, JUnit XML, gradebook CSV, HTML summary. */
package org.gradlab.grader.report;
