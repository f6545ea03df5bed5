/** Reference engine entry points. */
package org.gradlab.engine;
