/** Golden test-vector model: loading, comparing and reporting. */
package org.gradlab.check.vectors;
