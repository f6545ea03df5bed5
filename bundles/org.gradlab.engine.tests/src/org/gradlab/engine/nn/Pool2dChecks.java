package org.gradlab.engine.nn;

import java.util.function.Supplier;

import org.gradlab.core.Layer;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks every pooling test runs over its own {@code static Stream<Arguments> configurations()}
 * of {@link #config}s: gradients against central differences, and float32 against float64.
 */
abstract class Pool2dChecks {

    /** One configuration: a name, a factory for the layer and the input shape. */
    static Arguments config(String name, Supplier<Layer> make, int... shape) {
        return Arguments.of(name, make, shape);
    }

    /** The random input of a configuration. */
    abstract Tensor input(Rng rng, int[] shape);

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void gradientsMatchCentralDifferences(String name, Supplier<Layer> pool, int[] shape) {
        Rng rng = new Rng(name.hashCode());
        ActivationTesting.assertGradients(pool.get(), input(rng, shape), rng);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void float32AgreesWithFloat64(String name, Supplier<Layer> pool, int[] shape) {
        Rng rng = new Rng(name.hashCode() + 1);
        ActivationTesting.assertFloat32Agrees(pool, pool, input(rng, shape), rng);
    }
}
