package org.gradlab.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.gradlab.core.ShapeMismatchException;
import org.gradlab.engine.models.Architecture;
import org.gradlab.engine.models.ModelSummary;
import org.gradlab.engine.models.Models;

/**
 * {@code gradlab summary MODEL [--input CxHxW] [--sizes A,B,...]}: per-layer output shape, parameters,
 * receptive field and multiply-adds of a ready-made model, with totals, computed from its architecture
 * description without allocating weights. {@code args} are the words after "summary".
 * Exit status 0 on success, 2 for a usage error (unknown model, bad option, input that does not fit).
 */
public final class SummaryCommand {
    private static final String DEFAULT_MLP_SIZES = "784,256,10";

    /** Model name → its architecture from the value of --sizes (only mlp reads it). */
    private static final Map<String, Function<int[], Architecture>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("vgg16", sizes -> Models.vgg16Architecture());
        MODELS.put("vgg16-cifar", sizes -> Models.vgg16CifarArchitecture(10));
        MODELS.put("memorization-alexnet", sizes -> Models.memorizationAlexNetArchitecture());
        MODELS.put("mlp", Models::mlpArchitecture);
    }

    private SummaryCommand() {
    }

    public static String usage() {
        return "usage: gradlab summary MODEL [--input CxHxW] [--sizes A,B,...]\n"
                + "  MODEL    one of " + String.join(", ", MODELS.keySet()) + "\n"
                + "  --input  per-sample input shape, dimensions separated by 'x' or '\u00d7'"
                + " (default: the model's own, e.g. 3x224x224 for vgg16)\n"
                + "  --sizes  layer widths of mlp, input first (default " + DEFAULT_MLP_SIZES + ")\n";
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String model = null;
        String input = null;
        String sizes = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.print(usage());
                return 0;
            } else if (a.equals("--input") || a.equals("--sizes")) {
                if (i + 1 == args.length) {
                    return fail(err, a + " needs a value");
                }
                if (a.equals("--input")) {
                    input = args[++i];
                } else {
                    sizes = args[++i];
                }
            } else if (a.startsWith("--input=")) {
                input = a.substring("--input=".length());
            } else if (a.startsWith("--sizes=")) {
                sizes = a.substring("--sizes=".length());
            } else if (a.startsWith("-")) {
                return fail(err, "unknown option " + a);
            } else if (model != null) {
                return fail(err, "only one MODEL may be given, got " + model + " and " + a);
            } else {
                model = a;
            }
        }
        if (model == null) {
            return fail(err, "no MODEL given");
        }
        Function<int[], Architecture> factory = MODELS.get(model);
        if (factory == null) {
            return fail(err, "unknown model '" + model + "'; known models: " + String.join(", ", MODELS.keySet()));
        }
        if (sizes != null && !model.equals("mlp")) {
            return fail(err, "--sizes applies to mlp only");
        }
        try {
            Architecture architecture = factory.apply(parse(sizes == null ? DEFAULT_MLP_SIZES : sizes, ",", "--sizes"));
            int[] shape = input == null ? architecture.inputShape() : parse(input, "[x\u00d7X]", "--input");
            ModelSummary summary = architecture.summary(shape);
            out.println("Model: " + architecture.name());
            out.print(summary.format());
            return 0;
        } catch (ShapeMismatchException e) {
            return fail(err, model + " does not accept this input: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
    }

    /** Positive integers separated by {@code separator} (a regex), naming the option on error. */
    private static int[] parse(String text, String separator, String option) {
        String[] parts = text.trim().split(separator, -1);
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                values[i] = -1;
            }
            if (values[i] <= 0) {
                throw new IllegalArgumentException(option + " expects positive integers, e.g. "
                        + (option.equals("--input") ? "3x224x224" : DEFAULT_MLP_SIZES) + ", got '" + text + "'");
            }
        }
        return values;
    }

    private static int fail(PrintStream err, String message) {
        err.println("gradlab summary: " + message);
        err.print(usage());
        return 2;
    }
}
