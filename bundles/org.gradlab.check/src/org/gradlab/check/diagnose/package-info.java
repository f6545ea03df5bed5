/** Known-mistake patterns that name what a wrong gradient got wrong. */
package org.gradlab.check.diagnose;
