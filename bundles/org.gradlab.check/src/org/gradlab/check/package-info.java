/** Conformance checker that grades an implementation against golden vectors. */
package org.gradlab.check;
