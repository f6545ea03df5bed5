/** The engine's ops by PyTorch functional names, for test vectors and {@code gradlab conformance}. */
package org.gradlab.engine.ops;
