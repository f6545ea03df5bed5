/** Primitive tensor type and the student contracts. */
package org.gradlab.core;
