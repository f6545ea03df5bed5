/** Minimal JSON reading and writing used by the checker and the vector files. */
package org.gradlab.check.json;
