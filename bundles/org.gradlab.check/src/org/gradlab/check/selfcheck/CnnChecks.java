package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * 09-cnn-arithmetic: the numbers the exercise gives to check against — VGG16 at 3×224×224
 * (138,357,544 parameters, 15,470,264,320 multiply-adds, a 212-pixel receptive field after its
 * last pooling layer), the two Inception modules on 256×32×32 — plus small cases with dilation,
 * stride and groups, each computed through the student's {@code CnnArithmetic} on the given
 * {@code LayerDesc}s.
 */
final class CnnChecks {
    static final String CLASS = "cnn.CnnArithmetic";
    private static final String DESC = "cnn.LayerDesc";
    private static final Class<?>[] INT4 = {int.class, int.class, int.class, int.class};
    private static final Class<?>[] CONV7 = {int.class, int.class, int.class, int.class, int.class, int.class,
        boolean.class};

    private CnnChecks() {
    }

    /** Builds LayerDesc lists through the student's (given) factories. */
    private record Net(Student s, List<Object> layers) {
        Net conv(int out, int k, int stride, int pad) {
            layers.add(s.callStatic(DESC, "conv", INT4, out, k, stride, pad));
            return this;
        }

        Net conv(int out, int k, int stride, int pad, int dilation, int groups, boolean bias) {
            layers.add(s.callStatic(DESC, "conv", CONV7, out, k, stride, pad, dilation, groups, bias));
            return this;
        }

        Net maxPool(int k, int stride, int pad) {
            layers.add(s.callStatic(DESC, "maxPool", new Class<?>[] {int.class, int.class, int.class}, k, stride, pad));
            return this;
        }

        Net relu() {
            layers.add(s.callStatic(DESC, "relu", new Class<?>[0]));
            return this;
        }

        Net flatten() {
            layers.add(s.callStatic(DESC, "flatten", new Class<?>[0]));
            return this;
        }

        Net linear(int out) {
            layers.add(s.callStatic(DESC, "linear", new Class<?>[] {int.class, boolean.class}, out, true));
            return this;
        }
    }

    private static Net net(Student s) {
        return new Net(s, new ArrayList<>());
    }

    /** VGG16's convolution and pooling part (configuration D), optionally with its classifier. */
    private static Net vgg16(Student s, boolean classifier) {
        Net n = net(s);
        int[][] blocks = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
        for (int[] b : blocks) {
            for (int i = 0; i < b[1]; i++) {
                n.conv(b[0], 3, 1, 1).relu();
            }
            n.maxPool(2, 2, 0);
        }
        if (classifier) {
            n.flatten().linear(4096).relu().linear(4096).relu().linear(1000);
        }
        return n;
    }

    /** The branches of an Inception module on 256×32×32, each its own list; naive or with 1×1 reductions. */
    private static List<Net> inception(Student s, boolean reduced) {
        if (!reduced) {
            return List.of(net(s).conv(124, 1, 1, 0), net(s).conv(192, 3, 1, 1), net(s).conv(96, 5, 1, 2),
                    net(s).maxPool(3, 1, 1));
        }
        return List.of(net(s).conv(124, 1, 1, 0), net(s).conv(64, 1, 1, 0).conv(192, 3, 1, 1),
                net(s).conv(64, 1, 1, 0).conv(96, 5, 1, 2), net(s).maxPool(3, 1, 1).conv(64, 1, 1, 0));
    }

    static void run(Student s, Tally tally) {
        int[] image = {3, 224, 224};
        int[] map = {256, 32, 32};
        int[] small = {4, 6, 6};
        check(s, tally, "outputShape", () -> {
            List<String> wrong = new ArrayList<>();
            shape(s, wrong, "VGG16 conv part on 3×224×224", vgg16(s, false), image, new int[] {512, 7, 7});
            shape(s, wrong, "VGG16 on 3×224×224", vgg16(s, true), image, new int[] {1000});
            shape(s, wrong, "Inception 3×3 branch on 256×32×32", net(s).conv(64, 1, 1, 0).conv(192, 3, 1, 1), map,
                    new int[] {192, 32, 32});
            shape(s, wrong, "conv 3×3 stride 2 dilation 2 on 4×6×6", net(s).conv(8, 3, 2, 0, 2, 2, true), small,
                    new int[] {8, 1, 1});
            return wrong;
        });
        check(s, tally, "receptiveField", () -> {
            List<String> wrong = new ArrayList<>();
            field(s, wrong, "VGG16 after its last pooling layer", vgg16(s, false), 212, null);
            field(s, wrong, "two 3×3 convs with dilation 2", net(s).conv(8, 3, 1, 0, 2, 1, true).conv(8, 3, 1, 0, 2, 1,
                    true), 9, "dilation ignored: a k×k kernel with dilation d spans d·(k − 1) + 1 inputs");
            field(s, wrong, "3×3 conv stride 2, then 3×3 conv dilation 2", net(s).conv(8, 3, 2, 0).relu()
                    .conv(8, 3, 1, 0, 2, 1, true), 11, null);
            return wrong;
        });
        check(s, tally, "parameters", () -> {
            List<String> wrong = new ArrayList<>();
            count(s, wrong, "parameters", "VGG16 on 3×224×224", List.of(vgg16(s, true)), image, 138_357_544L,
                    138_344_128L);
            count(s, wrong, "parameters", "naive Inception on 256×32×32", inception(s, false), map, 1_088_924L,
                    1_088_512L);
            count(s, wrong, "parameters", "Inception with 1×1 reductions on 256×32×32", inception(s, true), map,
                    345_692L, 345_088L);
            count(s, wrong, "parameters", "conv 8 filters 3×3, 2 groups, on 4×6×6",
                    List.of(net(s).conv(8, 3, 1, 1, 1, 2, true)), small, 152L, 144L);
            return wrong;
        });
        check(s, tally, "multiplyAdds", () -> {
            List<String> wrong = new ArrayList<>();
            count(s, wrong, "multiplyAdds", "VGG16 on 3×224×224", List.of(vgg16(s, true)), image, 15_470_264_320L,
                    -1);
            count(s, wrong, "multiplyAdds", "naive Inception on 256×32×32", inception(s, false), map,
                    1_114_636_288L, -1);
            count(s, wrong, "multiplyAdds", "Inception with 1×1 reductions on 256×32×32", inception(s, true), map,
                    353_370_112L, -1);
            count(s, wrong, "multiplyAdds", "conv 8 filters 3×3, 2 groups, on 4×6×6",
                    List.of(net(s).conv(8, 3, 1, 1, 1, 2, true)), small, 5_184L, -1);
            return wrong;
        });
    }

    private interface Cases {
        List<String> run();
    }

    private static void check(Student s, Tally tally, String method, Cases cases) {
        List<String> wrong;
        try {
            wrong = cases.run();
        } catch (Throwable t) {
            SelfCheck.fault(s, tally, CLASS, method, "", t);
            return;
        }
        if (wrong.isEmpty()) {
            tally.pass(CLASS, method);
        } else {
            String diagnosis = wrong.stream().filter(w -> w.contains(" — "))
                    .map(w -> w.substring(w.indexOf(" — ") + 3))
                    .findFirst().orElse(null);
            tally.add(CLASS, method, Outcome.FAILED, wrong.get(0).replaceFirst(" — .*", "")
                    + (wrong.size() > 1 ? " (and " + (wrong.size() - 1) + " more)" : ""), diagnosis);
        }
    }

    private static void shape(Student s, List<String> wrong, String what, Net n, int[] input, int[] expected) {
        int[] in = input.clone();
        Object r = s.callStatic(CLASS, "outputShape", new Class<?>[] {List.class, int[].class}, n.layers, in);
        if (!Arrays.equals(in, input)) {
            wrong.add(what + ": outputShape changed its input array to " + Arrays.toString(in));
        } else if (!(r instanceof int[] shape) || !Arrays.equals(shape, expected)) {
            wrong.add(what + ": output shape " + (r instanceof int[] a ? Arrays.toString(a) : String.valueOf(r))
                    + ", expected " + Arrays.toString(expected));
        }
    }

    private static void field(Student s, List<String> wrong, String what, Net n, int expected, String ifWrong) {
        Object r = s.callStatic(CLASS, "receptiveField", new Class<?>[] {List.class}, n.layers);
        if (!(r instanceof Integer v) || v != expected) {
            wrong.add(what + ": receptive field " + r + ", expected " + expected
                    + (ifWrong == null ? "" : " — " + ifWrong));
        }
    }

    /** The sum over branches of a count; {@code withoutBias} names the biases-forgotten value (-1: none). */
    private static void count(Student s, List<String> wrong, String method, String what, List<Net> branches,
            int[] input, long expected, long withoutBias) {
        long total = 0;
        for (Net b : branches) {
            Object r = s.callStatic(CLASS, method, new Class<?>[] {List.class, int[].class}, b.layers, input.clone());
            if (!(r instanceof Long v)) {
                wrong.add(what + ": " + method + " returned " + r);
                return;
            }
            total += v;
        }
        if (total != expected) {
            wrong.add(String.format(Locale.ROOT, "%s: %s %,d, expected %,d", what, method, total, expected)
                    + (total == withoutBias ? " — biases forgotten: one per output channel or feature" : ""));
        }
    }
}
