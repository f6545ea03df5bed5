/** Neural-network layers of the reference engine. */
package org.gradlab.engine.nn;
