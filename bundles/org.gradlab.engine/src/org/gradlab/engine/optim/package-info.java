/** Optimizers of the reference engine. */
package org.gradlab.engine.optim;
