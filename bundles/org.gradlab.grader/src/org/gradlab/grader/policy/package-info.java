/**
 * The bytecode policy: what compiled student classes may reference (an allow-list of JDK basics and
 * the student API), checked with ASM before any student class is loaded.
 */
package org.gradlab.grader.policy;
