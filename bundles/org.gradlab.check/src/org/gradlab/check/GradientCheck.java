package org.gradlab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Tensor;

/**
 * Full checks of analytic gradients against central differences: the input gradient and every
 * parameter gradient of a layer, or every input gradient of a multi-input function.
 * Intended for small float64 cases (one pair of forward passes per element).
 */
public final class GradientCheck {
    /** Tolerances that central differences in float64 with the default step meet on smooth functions. */
    public static final double RTOL = 1e-5;
    public static final double ATOL = 1e-7;

    private GradientCheck() {
    }

    /**
     * Runs forward and backward once with {@code gradOutput}, then compares dL/dinput and each
     * parameter's gradient with numeric ones. Parameter gradients are zeroed first.
     */
    public static List<Comparison> layer(Layer layer, Tensor input, Tensor gradOutput) {
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        layer.forward(input.copy());
        Tensor analyticInput = layer.backward(gradOutput);
        List<Comparison> results = new ArrayList<>();
        Tensor numericInput = NumericGradient.vjp(layer::forward, input, gradOutput, NumericGradient.DEFAULT_STEP);
        results.add(TensorComparison.compare("grad input", numericInput, analyticInput, RTOL, ATOL));
        for (Parameter p : layer.parameters()) {
            Tensor original = p.value().copy();
            Tensor numeric = NumericGradient.ofScalar(v -> {
                p.value().copyFrom(v);
                return NumericGradient.dot(layer.forward(input.copy()), gradOutput);
            }, original, NumericGradient.DEFAULT_STEP);
            p.value().copyFrom(original);
            results.add(TensorComparison.compare("grad " + p.name(), numeric, p.grad(), RTOL, ATOL));
        }
        return results;
    }

    /**
     * Compares {@code analytic.get(i)} with the numeric gradient of sum(f(inputs) ⊙ gradOutput)
     * with respect to {@code inputs.get(i)}, for every i. {@code names} label the report.
     */
    public static List<Comparison> function(Function<List<Tensor>, Tensor> f, List<String> names,
            List<Tensor> inputs, Tensor gradOutput, List<Tensor> analytic) {
        List<Comparison> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int which = i;
            Tensor numeric = NumericGradient.vjp(x -> {
                List<Tensor> args = new ArrayList<>(inputs);
                args.set(which, x);
                return f.apply(args);
            }, inputs.get(i), gradOutput, NumericGradient.DEFAULT_STEP);
            results.add(TensorComparison.compare("grad " + names.get(i), numeric, analytic.get(i), RTOL, ATOL));
        }
        return results;
    }

    /**
     * Checks a layer's input gradient with settings for its element type: the full check on small
     * inputs, random directions on large ones (⟨dx, u⟩ against the numeric directional derivative
     * of ⟨f(x), g⟩ along u). Throws {@link KinkException} when a probe straddles a kink, so the
     * caller can redraw the input. The comparison message says which mode ran and why.
     */
    public static Comparison inputGradient(Layer layer, Tensor input, Tensor gradOutput, Tensor analytic,
            CheckSettings settings, org.gradlab.core.Rng rng) {
        String how = " [" + settings.explain(input.numel()) + "]";
        if (input.numel() <= settings.fullLimit()) {
            Tensor numeric = NumericGradient.vjpDetectingKinks(layer::forward, input, gradOutput, settings.step(),
                    settings.kinkTolerance());
            Comparison c = TensorComparison.compare("grad input", numeric, analytic, settings.rtol(), settings.atol());
            return new Comparison(c.name(), c.passed(), c.worstRelativeError(), c.message() + how);
        }
        if (analytic == null || !analytic.sameShape(input)) {
            return TensorComparison.compare("grad input", input.zerosLike(), analytic, settings.rtol(), settings.atol());
        }
        double[] numeric = new double[settings.directions()];
        double[] claimed = new double[settings.directions()];
        for (int d = 0; d < settings.directions(); d++) {
            Tensor u = Tensor.randn(org.gradlab.core.DType.FLOAT64, rng, input.shape());
            u = u.div(Math.sqrt(u.square().sumAll()));
            double left = NumericGradient.directional(layer::forward, input, gradOutput, u, settings.step());
            double right = NumericGradient.directional(layer::forward, input, gradOutput, u, settings.step() / 2);
            if (Math.abs(left - right) > settings.kinkTolerance() * Math.max(1, Math.abs(left))) {
                throw new KinkException(new int[0], left, right);
            }
            numeric[d] = left;
            claimed[d] = NumericGradient.dot(analytic.to(org.gradlab.core.DType.FLOAT64), u);
        }
        Comparison c = TensorComparison.compare("grad input (directional derivatives)", Tensor.vector(numeric),
                Tensor.vector(claimed), settings.rtol(), settings.atol());
        return new Comparison(c.name(), c.passed(), c.worstRelativeError(), c.message() + how);
    }

    /** Throws an AssertionError listing every failed comparison, if any. */
    public static void assertAllPassed(List<Comparison> results) {
        StringBuilder failures = new StringBuilder();
        for (Comparison c : results) {
            if (!c.passed()) {
                failures.append(failures.length() == 0 ? "" : "\n").append(c.message());
            }
        }
        if (failures.length() > 0) {
            throw new AssertionError(failures.toString());
        }
    }
}
