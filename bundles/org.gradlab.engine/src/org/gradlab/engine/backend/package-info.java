/** Tensor storage and numeric kernels backing the reference engine. */
package org.gradlab.engine.backend;
