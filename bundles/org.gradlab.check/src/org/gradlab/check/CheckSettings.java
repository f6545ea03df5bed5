package org.gradlab.check;

import java.util.Locale;

import org.gradlab.core.DType;

/**
 * How a gradient check is run for one element type: the finite-difference step, the tolerances,
 * up to how many input elements the full check is used before switching to random directions,
 * and how many directions. {@link #explain()} says why, for reports.
 *
 * <p>The step balances two errors of the central difference: truncation, about h²·f‴, and
 * rounding, about ε·|f|/h. With float64 (ε ≈ 1e-16) h = 1e-6 keeps both near 1e-10; a float32
 * forward pass (ε ≈ 6e-8) needs h ≈ 1e-3 and looser tolerances.
 */
public record CheckSettings(DType dtype, double step, double rtol, double atol, int fullLimit, int directions,
        double kinkTolerance) {

    public static CheckSettings forType(DType dtype) {
        return dtype == DType.FLOAT64
                ? new CheckSettings(dtype, 1e-6, 1e-5, 1e-7, 400, 8, 1e-3)
                : new CheckSettings(dtype, 1e-3, 1e-2, 1e-4, 400, 8, 5e-2);
    }

    /** One sentence for a report: mode, step and tolerances, and why. */
    public String explain(int elements) {
        String mode = elements <= fullLimit
                ? "full check of all " + elements + " input elements"
                : "random-direction check (vᵀJu along " + directions + " directions; " + elements
                        + " elements exceed the full-check limit of " + fullLimit + ")";
        return String.format(Locale.ROOT, "%s; central differences with step %.0e for %s (rounding error ε·|f|/h"
                + " vs truncation h²), tolerance rtol %.0e, atol %.0e", mode, step, dtype.name().toLowerCase(), rtol,
                atol);
    }
}
