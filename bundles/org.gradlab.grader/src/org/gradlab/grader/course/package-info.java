/**
 * The course's own sources (stubs, solutions, known-wrong variants, loop-style solutions) and the
 * check that every exercise is solvable and checkable ({@code gradlab validate}).
 */
package org.gradlab.grader.course;
