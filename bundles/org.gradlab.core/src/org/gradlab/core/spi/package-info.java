/** Service-provider interfaces for tensor storage and kernels, for friend bundles only. */
package org.gradlab.core.spi;
