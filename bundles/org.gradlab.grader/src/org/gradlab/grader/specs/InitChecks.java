package org.gradlab.grader.specs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.Verdict;

/**
 * Init of exercise 10, graded statistically on large 2-d and 4-d weights: mean and standard
 * deviation within 5 standard errors of torch.nn.init's (fans as torch computes them, gain 1 for
 * Xavier and √2 for Kaiming), the shape of the distribution (uniform: inside and reaching its
 * bound; normal: the 2σ tail), and that the values come from the given generator. A wrong
 * standard deviation is matched against the ones typical mistakes give.
 */
final class InitChecks {
    private static final String CLASS = "regularization.Init";
    private static final Class<?>[] SIGNATURE = {Tensor.class, Rng.class};
    /** Tolerances in standard errors: 5 for "right", 10 apart before a mistake is named. */
    private static final double Z = 5;
    /** P(|z| > 2) for a standard normal. */
    private static final double TAIL_2SIGMA = 0.04550026389635842;
    /**
     * fan_out : fan_in ratios (or their inverses) at which every mistake below gives a std at least
     * 7% away from the right one and from each other (ratios 2, 3 and 5 make some coincide, e.g.
     * fan_out at ratio 2 with a missing gain √2).
     */
    private static final int[] RATIOS = {4, 6};

    private enum Method {
        XAVIER_UNIFORM("xavierUniform", true, true),
        XAVIER_NORMAL("xavierNormal", true, false),
        KAIMING_UNIFORM("kaimingUniform", false, true),
        KAIMING_NORMAL("kaimingNormal", false, false);

        final String name;
        final boolean xavier;
        final boolean uniform;

        Method(String name, boolean xavier, boolean uniform) {
            this.name = name;
            this.xavier = xavier;
            this.uniform = uniform;
        }

        /** The std of the filled values for given fans and gain: Xavier gain·√(2/(in+out)), Kaiming gain/√in. */
        double std(double fanIn, double fanOut, double gain) {
            return xavier ? gain * Math.sqrt(2.0 / (fanIn + fanOut)) : gain / Math.sqrt(fanIn);
        }

        double gain() {
            return xavier ? 1.0 : Math.sqrt(2.0);
        }
    }

    private final Grading g;
    private final Rng r;

    private InitChecks(Grading g) {
        this.g = g;
        this.r = g.rng("init");
    }

    static void run(Grading g) {
        new InitChecks(g).all();
    }

    private void all() {
        for (Method m : Method.values()) {
            // 10k to 50k values: enough for standard errors of about 0.5%, small enough to grade fast.
            int a = 50 + r.nextInt(31);
            int ratio = RATIOS[r.nextInt(RATIOS.length)];
            distribution(m, r.nextInt(2) == 0 ? new int[] {a * ratio, a} : new int[] {a, a * ratio});
            int k = r.nextInt(2) == 0 ? 3 : 5;
            int c = k == 3 ? 20 + r.nextInt(11) : 12 + r.nextInt(7);
            ratio = RATIOS[r.nextInt(RATIOS.length)];
            distribution(m, r.nextInt(2) == 0 ? new int[] {c * ratio, c, k, k} : new int[] {c, c * ratio, k, k});
        }
        for (Method m : Method.values()) {
            reproducible(m, r.nextInt(Integer.MAX_VALUE));
        }
    }

    private Tensor fill(Method m, int[] shape, long seed) {
        Tensor w = Tensor.zeros(shape);
        g.code().callStatic(CLASS, m.name, SIGNATURE, w, new Rng(seed));
        return w;
    }

    private void distribution(Method m, int[] shape) {
        int receptive = shape.length == 4 ? shape[2] * shape[3] : 1;
        double fanIn = shape[1] * receptive;
        double fanOut = shape[0] * receptive;
        double sigma = m.std(fanIn, fanOut, m.gain());
        long seed = r.nextInt(Integer.MAX_VALUE);
        String name = "Init." + m.name + " on " + Arrays.toString(shape) + ": " + (m.uniform
                ? "U(±" + fmt(Math.sqrt(3) * sigma) + ")" : "N(0, " + fmt(sigma) + "²)");
        g.check(Part.FORWARD, name, () -> judge(m, fill(m, shape, seed), sigma, mistakes(m, shape, fanIn, fanOut,
                sigma)));
    }

    private Verdict judge(Method m, Tensor w, double sigma, Map<String, Double> mistakes) {
        int n = w.numel();
        double[] v = w.toArray();
        double sum = 0;
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return Verdict.fail("found a non-finite value " + d);
            }
            sum += d;
        }
        if (w.abs().maxAll() == 0) {
            return Verdict.fail("the weight is still all zeros: fill the tensor passed in, in place"
                    + " (e.g. w.copyFrom(…)), rather than returning a new one");
        }
        double mean = sum / n;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        // Standard error of the sample std: σ/√(2n) for a normal, σ·√(0.2/n) for a uniform.
        double se = m.uniform ? sigma * Math.sqrt(0.2 / n) : sigma / Math.sqrt(2.0 * n);
        String stdMessage = "std " + fmt(std) + ", expected " + fmt(sigma) + " ± " + fmt(Z * se) + " (5 standard errors)";
        if (Math.abs(std - sigma) > Z * se) {
            String diagnosis = null;
            for (Map.Entry<String, Double> e : mistakes.entrySet()) {
                double s = e.getValue();
                double seMistake = s / sigma * se;
                if (Math.abs(std - s) <= Z * seMistake && Math.abs(s - sigma) > 2 * Z * se) {
                    diagnosis = e.getKey();
                    break;
                }
            }
            return Verdict.fail(stdMessage, diagnosis);
        }
        if (Math.abs(mean) > Z * sigma / Math.sqrt(n)) {
            return Verdict.fail("mean " + fmt(mean) + ", expected 0 ± " + fmt(Z * sigma / Math.sqrt(n))
                    + ": the values must be centred on 0");
        }
        double maxAbs = w.abs().maxAll();
        if (m.uniform) {
            double bound = Math.sqrt(3) * sigma;
            if (maxAbs > bound * (1 + 1e-12)) {
                return Verdict.fail(stdMessage + ", but |value| " + fmt(maxAbs) + " exceeds the bound " + fmt(bound),
                        "values drawn from a normal distribution: " + m.name + " draws from U(−a, a)");
            }
            if (maxAbs < bound * (1 - 20.0 / n)) {
                return Verdict.fail(stdMessage + ", but the largest |value| " + fmt(maxAbs) + " stays well inside the"
                        + " bound " + fmt(bound) + ": not uniform on (−a, a)");
            }
            return Verdict.pass(stdMessage + "; all values within ±" + fmt(bound));
        }
        int tail = 0;
        for (double d : v) {
            tail += Math.abs(d) > 2 * sigma ? 1 : 0;
        }
        double tailSe = Math.sqrt(TAIL_2SIGMA * (1 - TAIL_2SIGMA) / n);
        String tailMessage = "fraction beyond 2σ " + pct(tail / (double) n) + ", expected " + pct(TAIL_2SIGMA) + " ± "
                + pct(Z * tailSe);
        if (Math.abs(tail / (double) n - TAIL_2SIGMA) > Z * tailSe) {
            return Verdict.fail(stdMessage + "; but " + tailMessage, tail == 0 && maxAbs <= Math.sqrt(3) * sigma * 1.001
                    ? "values drawn from a uniform distribution: " + m.name + " draws from a normal" : null);
        }
        return Verdict.pass(stdMessage + "; " + tailMessage);
    }

    /** The standard deviations typical mistakes would give, by name. */
    private static Map<String, Double> mistakes(Method m, int[] shape, double fanIn, double fanOut, double sigma) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (m.xavier) {
            out.put("fan_in alone used: Xavier averages both fans, √(2/(fan_in + fan_out))",
                    m.std(fanIn, fanIn, 1.0));
            out.put("fan_out alone used: Xavier averages both fans, √(2/(fan_in + fan_out))",
                    m.std(fanOut, fanOut, 1.0));
            out.put("the 2 in √(2/(fan_in + fan_out)) is missing", sigma / Math.sqrt(2));
            out.put("gain √2 applied: Xavier's gain is 1", sigma * Math.sqrt(2));
        } else {
            out.put("fan_out used: Kaiming's default mode is fan_in", m.std(fanOut, fanIn, m.gain()));
            out.put("gain √2 (for ReLU) missing: Kaiming's std is √2/√fan_in", sigma / Math.sqrt(2));
            out.put("gain 2 instead of √2: the variance is 2/fan_in, so the std is √2/√fan_in", sigma * Math.sqrt(2));
            out.put("Xavier's √(2/(fan_in + fan_out)) used instead of Kaiming's √2/√fan_in",
                    Math.sqrt(2.0 / (fanIn + fanOut)));
        }
        if (shape.length > 2) {
            out.put("fans computed without the receptive field: for a conv weight (out, in, kh, kw) fan_in = in·kh·kw"
                    + " and fan_out = out·kh·kw", m.std(shape[1], shape[0], m.gain()));
        }
        if (m.uniform) {
            out.put("the std used as the uniform bound: U(−a, a) has std a/√3, so a = √3·std", sigma / Math.sqrt(3));
        } else {
            out.put("the uniform bound used as the std: the normal's std is the bound/√3", sigma * Math.sqrt(3));
        }
        return out;
    }

    private void reproducible(Method m, long seed) {
        int[] shape = {8 + r.nextInt(8), 8 + r.nextInt(8)};
        g.check(Part.STATEFUL_INVARIANTS, "Init." + m.name + " on " + Arrays.toString(shape)
                + ": values come from the given Rng", () -> {
                    Tensor a = fill(m, shape, seed);
                    Tensor b = fill(m, shape, seed);
                    Tensor c = fill(m, shape, seed + 1);
                    if (!a.allClose(b, 0, 0)) {
                        return Verdict.fail("two generators with the same seed gave different values: draw every"
                                + " value from the Rng passed in (and only from it)");
                    }
                    if (a.allClose(c, 0, 0)) {
                        return Verdict.fail("generators with different seeds gave the same values: draw the values"
                                + " from the Rng passed in");
                    }
                    return Verdict.pass("same seed, same values; other seed, other values");
                });
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * f);
    }
}
