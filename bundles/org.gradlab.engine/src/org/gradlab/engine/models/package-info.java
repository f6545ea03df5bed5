/** Ready-made models built from the reference layers. */
package org.gradlab.engine.models;
