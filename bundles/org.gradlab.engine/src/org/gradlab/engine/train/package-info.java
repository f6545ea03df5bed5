/** Training loops and data batching for the reference engine. */
package org.gradlab.engine.train;
