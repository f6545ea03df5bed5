/** Command-line front end: conformance, autodiff and summary commands. */
package org.gradlab.cli;
