package org.gradlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gradlab.core.DType;
import org.gradlab.core.Layer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.backend.Backends;
import org.gradlab.engine.loss.CrossEntropyLoss;
import org.gradlab.engine.models.Models;
import org.gradlab.engine.nn.Conv2d;
import org.gradlab.engine.nn.LSTM;
import org.gradlab.engine.nn.Linear;
import org.gradlab.engine.nn.MultiheadAttention;
import org.gradlab.engine.optim.SGD;

/**
 * {@code gradlab bench [--dtype float64|float32|both] [--repeat N]}: times forward + backward of
 * the engine's heavy ops at course-sized shapes and prints the median per iteration. The shapes
 * match {@code releng/bench/torch_bench.py}, so the two can be read side by side.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    /** One benchmark: a name, the multiply-adds of one iteration (0 if not counted), and the work. */
    private record Case(String name, double macs, Runnable iteration) {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<DType> types = List.of(DType.FLOAT64, DType.FLOAT32);
        int repeat = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dtype" -> {
                        String v = i + 1 < args.length ? args[++i] : "";
                        types = switch (v) {
                            case "float64" -> List.of(DType.FLOAT64);
                            case "float32" -> List.of(DType.FLOAT32);
                            case "both" -> types;
                            default -> throw new IllegalArgumentException(
                                    "--dtype expects float64, float32 or both, got '" + v + "'");
                        };
                    }
                    case "--repeat" -> repeat = Integer.parseInt(i + 1 < args.length ? args[++i] : "");
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println("gradlab bench: " + e.getMessage());
            return 2;
        }
        out.println(String.format(Locale.ROOT, "%-44s %-8s %11s %9s", "benchmark (forward + backward)", "dtype",
                "median ms", "GFLOP/s"));
        for (DType dtype : types) {
            for (Case c : cases(dtype)) {
                double ms = medianMillis(c.iteration(), repeat);
                String gflops = c.macs() > 0 ? String.format(Locale.ROOT, "%9.2f", 2 * c.macs() / (ms * 1e6)) : "";
                out.println(String.format(Locale.ROOT, "%-44s %-8s %11.2f %9s", c.name(),
                        dtype.name().toLowerCase(), ms, gflops));
            }
        }
        out.println("backend: " + Backends.forType(DType.FLOAT64).name() + " / " + Backends.forType(DType.FLOAT32).name()
                + ", " + Runtime.getRuntime().availableProcessors() + " cores (large matrix products split over the ForkJoin pool)");
        return 0;
    }

    private static double medianMillis(Runnable r, int repeat) {
        for (int i = 0; i < 5; i++) {
            r.run(); // warm-up: class loading and JIT (the GEMM kernel needs a few calls to be compiled)
        }
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeat / 2];
    }

    private static List<Case> cases(DType dtype) {
        Rng rng = new Rng(1);
        List<Case> cases = new ArrayList<>();

        Tensor a = Tensor.randn(dtype, rng, 512, 512);
        Tensor b = Tensor.randn(dtype, rng, 512, 512);
        cases.add(new Case("matmul 512x512x512 (forward only)", 512.0 * 512 * 512,
                () -> Backends.of(a).matmul(a, false, b, false)));

        Linear linear = new Linear(dtype, 1024, 1024, true, rng);
        Tensor lx = Tensor.randn(dtype, rng, 128, 1024);
        cases.add(layerCase("linear 1024->1024, batch 128", 3.0 * 128 * 1024 * 1024, linear, lx, rng));

        Conv2d conv = new Conv2d(dtype, 64, 128, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
                new int[] {1, 1}, 1, true, rng);
        Tensor cx = Tensor.randn(dtype, rng, 8, 64, 32, 32);
        cases.add(layerCase("conv2d 64->128 k3 p1, 8x64x32x32", 3.0 * 8 * 128 * 32 * 32 * 64 * 9, conv, cx, rng));

        LSTM lstm = new LSTM(dtype, 64, 128, rng);
        Tensor sx = Tensor.randn(dtype, rng, 32, 16, 64);
        cases.add(layerCase("lstm I64 H128, T32 N16 (BPTT)", 3.0 * 32 * 16 * 4 * 128 * (64 + 128), lstm, sx, rng));

        MultiheadAttention mha = new MultiheadAttention(dtype, 128, 4, rng);
        Tensor q = Tensor.randn(dtype, rng, 8, 64, 128);
        Tensor mg = Tensor.randn(dtype, rng, 8, 64, 128);
        cases.add(new Case("multi-head attention E128 h4, N8 L64", 0, () -> {
            mha.forward(q, q, q, true);
            mha.backward(mg);
        }));

        Layer net = Models.memorizationAlexNetArchitecture().build(dtype, rng);
        List<Parameter> params = net.parameters();
        SGD sgd = new SGD(params, 0.01, 0.9);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Tensor images = Tensor.randn(dtype, rng, 16, 1, 28, 28);
        Tensor labels = Tensor.zeros(16);
        for (int i = 0; i < 16; i++) {
            labels.setFlat(i, rng.nextInt(10));
        }
        cases.add(new Case("memorization AlexNet train step, batch 16", 0, () -> {
            sgd.zeroGrad();
            loss.forward(net.forward(images), labels);
            net.backward(loss.backward());
            sgd.step();
        }));
        return cases;
    }

    private static Case layerCase(String name, double macs, Layer layer, Tensor x, Rng rng) {
        Tensor g = Tensor.randn(x.dtype(), rng, layer.forward(x).shape());
        return new Case(name, macs, () -> {
            layer.forward(x);
            layer.backward(g);
        });
    }
}
