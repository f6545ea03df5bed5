/**
 * Grading a whole class: listing submissions, parallel workers, the resumable journal, shards of a
 * class across CI jobs, and merging shards.
 */
package org.gradlab.grader.batch;
