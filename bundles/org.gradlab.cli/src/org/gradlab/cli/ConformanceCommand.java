package org.gradlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gradlab.check.Comparison;
import org.gradlab.check.TensorComparison;
import org.gradlab.check.json.Json;
import org.gradlab.check.vectors.TensorJson;
import org.gradlab.check.vectors.TestVectorFile;
import org.gradlab.check.vectors.VectorCase;
import org.gradlab.check.vectors.VectorFormatException;
import org.gradlab.core.Tensor;
import org.gradlab.engine.ops.Attrs;
import org.gradlab.engine.ops.Inputs;
import org.gradlab.engine.ops.OpRegistry;
import org.gradlab.engine.ops.OpResult;
import org.gradlab.engine.ops.OptimizerOp;
import org.gradlab.engine.ops.ScheduleOp;
import org.gradlab.engine.ops.TensorOp;
import org.gradlab.grader.report.AtomicFiles;

/**
 * {@code gradlab conformance FILE… [--emit OUT.json]}: evaluates the reference engine on every
 * test-vector case, prints one line per case and a last line {@code K/N cases agree (worst rel err E)};
 * exits 1 unless all agree. A case that cannot run is reported and the run goes on.
 */
public final class ConformanceCommand {
    static final double DEFAULT_RTOL = 1e-8;
    static final double DEFAULT_ATOL = 1e-10;

    private ConformanceCommand() {
    }

    /** The engine's values for one case, and how they compare with the expected ones. */
    record Outcome(VectorCase vectorCase, boolean agrees, double worstRelativeError, String detail,
            Map<String, Object> actual, String error) {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        Path emit = null;
        double rtol = DEFAULT_RTOL;
        double atol = DEFAULT_ATOL;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--emit" -> emit = Path.of(value(args, ++i, "--emit"));
                    case "--rtol" -> rtol = Double.parseDouble(value(args, ++i, "--rtol"));
                    case "--atol" -> atol = Double.parseDouble(value(args, ++i, "--atol"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("gradlab conformance: " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            err.println("gradlab conformance: give at least one test-vector file (JSON with a \"cases\" list)");
            return 2;
        }
        int total = 0;
        int agreeing = 0;
        int unreadable = 0;
        double worst = 0.0;
        List<Object> emitted = new ArrayList<>();
        for (Path file : files) {
            TestVectorFile vectors;
            try {
                vectors = TestVectorFile.read(file);
            } catch (IOException | VectorFormatException e) {
                out.println("ERROR " + file + ": cannot read: " + e.getMessage());
                unreadable++;
                continue;
            }
            for (VectorCase c : vectors.cases()) {
                Outcome o = evaluate(c, rtol, atol);
                total++;
                if (o.agrees()) {
                    agreeing++;
                }
                if (o.error() == null) {
                    worst = Math.max(worst, o.worstRelativeError());
                }
                out.println(line(o));
                Map<String, Object> copy = new LinkedHashMap<>(c.json());
                if (o.error() != null) {
                    copy.put("error", o.error());
                } else {
                    copy.put("actual", o.actual());
                }
                emitted.add(copy);
            }
        }
        out.println(String.format(Locale.ROOT, "%d/%d cases agree (worst rel err %.2e)", agreeing, total, worst));
        if (emit != null) {
            try {
                AtomicFiles.write(emit, Json.writePretty(Map.of("cases", emitted)));
            } catch (IOException e) {
                err.println("gradlab conformance: cannot write " + emit + ": " + e.getMessage());
                return 1;
            }
        }
        return agreeing == total && unreadable == 0 ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String line(Outcome o) {
        String name = o.vectorCase().name();
        if (o.error() != null) {
            return "ERROR " + name + ": " + o.error();
        }
        if (o.agrees()) {
            return String.format(Locale.ROOT, "ok    %s (rel err %.2e)", name, o.worstRelativeError());
        }
        return "FAIL  " + name + ": " + o.detail();
    }

    /** Runs one case through the engine and compares every expected tensor. Never throws. */
    static Outcome evaluate(VectorCase c, double rtol, double atol) {
        try {
            String op = c.op();
            Attrs attrs = new Attrs(op, c.attrs());
            OpRegistry registry = OpRegistry.get();
            List<Comparison> comparisons = new ArrayList<>();
            Map<String, Object> actual = new LinkedHashMap<>();
            TensorOp tensorOp = registry.tensorOp(op);
            OptimizerOp optimizerOp = registry.optimizerOp(op);
            ScheduleOp scheduleOp = registry.scheduleOp(op);
            if (tensorOp != null) {
                OpResult r = tensorOp.run(attrs, new Inputs(op, c.inputs()), c.gradOutput());
                actual.put("output", TensorJson.write(r.output()));
                Tensor expectedOutput = c.expectedOutput();
                if (expectedOutput != null) {
                    comparisons.add(TensorComparison.compare("output", expectedOutput, r.output(), rtol, atol));
                }
                actual.put("grad", compareAll("grad.", c.expectedGrads(), r.grads(), rtol, atol, comparisons));
                if (!r.state().isEmpty() || !c.expectedState().isEmpty()) {
                    actual.put("state", compareAll("state.", c.expectedState(), r.state(), rtol, atol, comparisons));
                }
            } else if (optimizerOp != null) {
                Tensor param = c.inputs().get("param");
                if (param == null) {
                    throw new VectorFormatException(c.location() + ": optimizer case needs inputs.param");
                }
                List<Tensor> params = optimizerOp.run(attrs, param, c.grads());
                List<Tensor> expected = c.expectedParams();
                List<Object> written = new ArrayList<>();
                for (int i = 0; i < params.size(); i++) {
                    written.add(TensorJson.write(params.get(i)));
                    if (i < expected.size()) {
                        comparisons.add(TensorComparison.compare("params[" + i + "] (after step " + (i + 1) + ")",
                                expected.get(i), params.get(i), rtol, atol));
                    }
                }
                if (expected.size() != params.size()) {
                    throw new VectorFormatException(c.location() + ": " + expected.size()
                            + " expected params for " + params.size() + " steps");
                }
                actual.put("params", written);
            } else if (scheduleOp != null) {
                double[] lrs = scheduleOp.run(attrs);
                double[] expected = c.expectedLrs();
                if (expected == null) {
                    throw new VectorFormatException(c.location() + ": schedule case needs expected.lrs");
                }
                comparisons.add(TensorComparison.compare("lrs", Tensor.vector(expected), Tensor.vector(lrs), rtol,
                        atol));
                actual.put("lrs", TensorJson.write(Tensor.vector(lrs)).get("data"));
            } else {
                throw new IllegalArgumentException("unknown op '" + op + "' (known: " + registry.names() + ")");
            }
            boolean agrees = comparisons.stream().allMatch(Comparison::passed);
            double worst = comparisons.stream().mapToDouble(Comparison::worstRelativeError).max().orElse(0);
            String detail = comparisons.stream().filter(x -> !x.passed()).map(Comparison::message)
                    .reduce((a, b) -> a + "; " + b).orElse("");
            return new Outcome(c, agrees, worst, detail, actual, null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!(e instanceof IllegalArgumentException || e instanceof VectorFormatException
                    || e instanceof IllegalStateException)) {
                message = e.getClass().getSimpleName() + ": " + message;
            }
            return new Outcome(c, false, Double.NaN, message, null, message);
        }
    }

    private static Map<String, Object> compareAll(String prefix, Map<String, Tensor> expected,
            Map<String, Tensor> actual, double rtol, double atol, List<Comparison> comparisons) {
        Map<String, Object> written = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : actual.entrySet()) {
            written.put(e.getKey(), TensorJson.write(e.getValue()));
        }
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            comparisons.add(TensorComparison.compare(prefix + e.getKey(), e.getValue(), actual.get(e.getKey()),
                    rtol, atol));
        }
        return written;
    }
}
