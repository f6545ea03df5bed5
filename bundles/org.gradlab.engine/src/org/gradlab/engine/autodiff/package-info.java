/** Reverse-mode automatic differentiation of the reference engine. */
package org.gradlab.engine.autodiff;
