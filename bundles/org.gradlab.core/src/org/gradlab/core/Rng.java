package org.gradlab.core;

import java.util.SplittableRandom;

/**
 * Seeded random numbers. The same seed gives the same sequence on every machine and JDK,
 * which is what makes grading runs and dropout masks reproducible.
 */
public final class Rng {
    private final SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Standard normal (Box-Muller on two uniforms, so the stream is fixed by the seed alone). */
    public double normal() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** An independent generator derived from this one (for per-case or per-layer streams). */
    public Rng split() {
        return new Rng(random.split());
    }
}
