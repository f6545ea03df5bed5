/** Loss functions of the reference engine. */
package org.gradlab.engine.loss;
