/** The course's exercise specifications: hidden randomized cases per exercise. */
package org.gradlab.grader.specs;
