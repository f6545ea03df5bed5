package org.gradlab.grader.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gradlab.check.SourceLayers;
import org.gradlab.grader.compile.CompileResult;
import org.gradlab.grader.compile.StudentApi;
import org.gradlab.grader.compile.SubmissionCompiler;
import org.gradlab.grader.run.ChildClasspath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BytecodePolicyTest {
    @TempDir
    Path tmp;

    /** Compiles sources (binary name → body) against the student API plus {@code extra}. */
    private Path compile(Map<String, String> sources, Path... extra) throws IOException {
        Path src = Files.createTempDirectory(tmp, "src");
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path f = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.getValue());
        }
        List<Path> cp = new ArrayList<>(StudentApi.locate());
        cp.addAll(List.of(extra));
        Path out = Files.createTempDirectory(tmp, "classes");
        CompileResult r = new SubmissionCompiler(cp).compile(src, out);
        assertTrue(!r.hasErrors(), () -> "test sources must compile: " + r.diagnostics());
        return out;
    }

    private static List<String> messages(Path classes) {
        return BytecodePolicy.check(classes).stream().map(Violation::message).toList();
    }

    private static void assertHas(List<String> messages, String expected) {
        assertTrue(messages.contains(expected), () -> "expected\n  " + expected + "\namong\n  "
                + String.join("\n  ", messages));
    }

    @Test
    void forbiddenReferencesNameClassMethodReferenceAndReason() throws IOException {
        Path classes = compile(Map.of("activations.ReLU", """
                package activations;

                import java.util.List;

                public class ReLU {
                    public void forward() { System.exit(1); }
                    void file() throws Exception { new java.io.File("/etc/passwd").exists(); }
                    void nio() throws Exception { java.nio.file.Files.readString(java.nio.file.Path.of("x")); }
                    void fileWriter() throws Exception { new java.io.FileWriter("/tmp/x").close(); }
                    void socket() throws Exception { new java.net.Socket("localhost", 80).close(); }
                    void process() throws Exception { new ProcessBuilder("id").start(); }
                    void exec() throws Exception { Runtime.getRuntime().exec(new String[] {"id"}); }
                    void halt() { Runtime.getRuntime().halt(0); }
                    void forName() throws Exception { Class.forName("org.gradlab.grader.run.GradingChild"); }
                    void declared() { getClass().getDeclaredFields(); }
                    void handles() { java.lang.invoke.MethodHandles.lookup(); }
                    void thread() { new Thread(() -> { }).start(); }
                    void executor() { java.util.concurrent.Executors.newFixedThreadPool(2); }
                    void forkJoin() { java.util.concurrent.ForkJoinPool.commonPool(); }
                    void parallel(List<Integer> xs) { xs.parallelStream().count(); xs.stream().parallel().count(); }
                    void parallelSort(double[] a) { java.util.Arrays.parallelSort(a); }
                    void loader() { ClassLoader.getSystemClassLoader(); }
                    void library() { System.loadLibrary("x"); }
                    native void nativeCode();
                    void streams() { System.setOut(System.err); }
                    void env() { System.getenv("HOME"); }
                    void property() { System.setProperty("a", "b"); }
                    void stdin() throws Exception { System.in.read(); }
                    void unsafe() { sun.misc.Unsafe.class.getName(); }
                }
                """));
        List<String> m = messages(classes);
        assertHas(m, "activations/ReLU.forward: calls java.lang.System.exit (processes may not be controlled)");
        assertHas(m, "activations/ReLU.file: creates java.io.File (files are not accessible)");
        assertHas(m, "activations/ReLU.nio: calls java.nio.file.Files.readString (files are not accessible)");
        assertHas(m, "activations/ReLU.fileWriter: creates java.io.FileWriter (files are not accessible)");
        assertHas(m, "activations/ReLU.socket: creates java.net.Socket (the network is not accessible)");
        assertHas(m, "activations/ReLU.process: creates java.lang.ProcessBuilder (processes may not be controlled)");
        assertHas(m, "activations/ReLU.exec: calls java.lang.Runtime.exec (processes may not be controlled)");
        assertHas(m, "activations/ReLU.halt: calls java.lang.Runtime.halt (processes may not be controlled)");
        assertHas(m, "activations/ReLU.forName: calls java.lang.Class.forName (reflection is not allowed)");
        assertHas(m, "activations/ReLU.declared: calls java.lang.Class.getDeclaredFields (reflection is not allowed)");
        assertHas(m, "activations/ReLU.handles: calls java.lang.invoke.MethodHandles.lookup (reflection is not"
                + " allowed)");
        assertHas(m, "activations/ReLU.thread: creates java.lang.Thread (threads are not allowed)");
        assertHas(m, "activations/ReLU.executor: calls java.util.concurrent.Executors.newFixedThreadPool (threads"
                + " are not allowed)");
        assertHas(m, "activations/ReLU.forkJoin: calls java.util.concurrent.ForkJoinPool.commonPool (threads are"
                + " not allowed)");
        assertHas(m, "activations/ReLU.parallel: calls java.util.List.parallelStream (threads are not allowed)");
        assertHas(m, "activations/ReLU.parallel: calls java.util.stream.Stream.parallel (threads are not allowed)");
        assertHas(m, "activations/ReLU.parallelSort: calls java.util.Arrays.parallelSort (threads are not allowed)");
        assertHas(m, "activations/ReLU.loader: calls java.lang.ClassLoader.getSystemClassLoader (class loading is"
                + " not allowed)");
        assertHas(m, "activations/ReLU.library: calls java.lang.System.loadLibrary (native code is not allowed)");
        assertHas(m, "activations/ReLU.nativeCode: declares a native method (native code is not allowed)");
        assertHas(m, "activations/ReLU.streams: calls java.lang.System.setOut (the environment, system properties"
                + " and the grader's streams are off limits)");
        assertHas(m, "activations/ReLU.env: calls java.lang.System.getenv (the environment, system properties and"
                + " the grader's streams are off limits)");
        assertHas(m, "activations/ReLU.property: calls java.lang.System.setProperty (the environment, system"
                + " properties and the grader's streams are off limits)");
        assertHas(m, "activations/ReLU.stdin: uses java.lang.System.in (the environment, system properties and the"
                + " grader's streams are off limits)");
        assertHas(m, "activations/ReLU.unsafe: uses sun.misc.Unsafe (JDK internals are off limits)");
        // each (method, reference) once, and nothing else was flagged in forward
        assertEquals(1, m.stream().filter(s -> s.startsWith("activations/ReLU.forward:")).count(), m::toString);
    }

    @Test
    void theEngineTheGraderAndCoreInternalsAreOffLimits() throws IOException {
        // a student compiling against more than the student API (the grader's compile would already refuse)
        Path engine = ChildClasspath.of(org.gradlab.engine.nn.ReLU.class);
        Path grader = ChildClasspath.of(BytecodePolicy.class);
        Path classes = compile(Map.of("activations.ReLU", """
                package activations;

                import org.gradlab.core.Tensor;

                public class ReLU {
                    public Tensor forward(Tensor x) { return new org.gradlab.engine.nn.ReLU().forward(x); }
                    public double[] raw(Tensor x) { return org.gradlab.core.spi.TensorData.read(x); }
                    public Object grader() { return org.gradlab.grader.policy.BytecodePolicy.class; }
                }
                """), engine, grader);
        List<String> m = messages(classes);
        assertHas(m, "activations/ReLU.forward: creates org.gradlab.engine.nn.ReLU (the reference engine is off"
                + " limits)");
        assertHas(m, "activations/ReLU.forward: calls org.gradlab.engine.nn.ReLU.forward (the reference engine is"
                + " off limits)");
        assertHas(m, "activations/ReLU.raw: calls org.gradlab.core.spi.TensorData.read (core internals"
                + " (org.gradlab.core.spi) are off limits)");
        assertHas(m, "activations/ReLU.grader: uses org.gradlab.grader.policy.BytecodePolicy (the grader is off"
                + " limits)");
    }

    @Test
    void violationsInLambdasAndInheritedMembersAreFound() throws IOException {
        Path classes = compile(Map.of("activations.Sneaky", """
                package activations;

                import java.util.ArrayList;

                public class Sneaky extends ArrayList<Integer> {
                    public Runnable later() { return () -> System.exit(2); }
                    public long count() { return parallelStream().count(); }
                }
                """, "activations.Worker", """
                package activations;

                public class Worker extends Thread {
                }
                """));
        List<String> m = messages(classes);
        assertHas(m, "activations/Sneaky.later (lambda): calls java.lang.System.exit (processes may not be"
                + " controlled)");
        assertHas(m, "activations/Sneaky.count: calls activations.Sneaky.parallelStream (threads are not allowed)");
        assertHas(m, "activations/Worker: extends java.lang.Thread (threads are not allowed)");
    }

    @Test
    void classesInReservedPackagesAreRefused() throws IOException {
        Path classes = compile(Map.of("org.gradlab.core.Helper", """
                package org.gradlab.core;

                public class Helper {
                }
                """));
        assertEquals(List.of("org/gradlab/core/Helper: is declared in the reserved package org.gradlab.core"
                + " (student classes must use their own packages)"), messages(classes));
    }

    @Test
    void whatJavaCompilersEmitForOrdinaryCodeIsAllowed() throws IOException {
        Path classes = compile(Map.of("activations.Everyday", """
                package activations;

                import java.util.*;
                import java.util.function.*;
                import java.util.stream.*;

                import org.gradlab.core.*;

                public class Everyday implements Layer {
                    sealed interface Shape permits Circle, Square { }
                    record Circle(double r) implements Shape { }
                    record Square(double side) implements Shape { }
                    enum Mode { TRAIN, EVAL }

                    private final List<Parameter> params = new ArrayList<>();
                    private Tensor cached;
                    private Mode mode = Mode.TRAIN;

                    public Tensor forward(Tensor input) {
                        assert input != null : "input";
                        cached = input.map(Math::tanh).zipWith(input, (a, b) -> a * b);
                        var sb = new StringBuilder("shape ").append(Arrays.toString(input.shape()));
                        String s = "x" + input.numel() + sb + mode;
                        double area = area(new Circle(1)) + area(new Square(2));
                        int[] sizes = IntStream.range(0, input.dim()).map(input::size).toArray();
                        Map<String, Integer> counts = Stream.of(s.split(" ")).collect(
                                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.summingInt(w -> 1)));
                        Optional<String> first = counts.keySet().stream().sorted(Comparator.reverseOrder()).findFirst();
                        String text = \"""
                            a text block %s
                            \""".formatted(first.orElse(""));
                        switch (mode) {
                            case TRAIN -> text = text.strip();
                            case EVAL -> text = text.toUpperCase();
                        }
                        Iterator<Integer> it = new Iterator<>() {
                            int i;
                            public boolean hasNext() { return i < sizes.length; }
                            public Integer next() { return sizes[i++]; }
                        };
                        while (it.hasNext()) {
                            area += it.next();
                        }
                        try (AutoCloseable c = () -> { }) {
                            area += Double.parseDouble("1.5");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        if (area < 0) {
                            System.out.println(text);
                            System.err.printf("%.3f%n", area);
                            throw new ShapeMismatchException("bad " + Arrays.toString(sizes));
                        }
                        Rng rng = new Rng(7);
                        return cached.add(Tensor.zeros(input.shape())).mul(Math.max(1, rng.uniform()));
                    }

                    private static double area(Shape shape) {
                        return switch (shape) {
                            case Circle c -> Math.PI * c.r() * c.r();
                            case Square q -> q.side() * q.side();
                        };
                    }

                    public Tensor backward(Tensor gradOutput) {
                        long nanos = System.nanoTime();
                        double[] copy = new double[4];
                        System.arraycopy(new double[4], 0, copy, 0, 4);
                        return gradOutput.mul(cached).add(nanos < 0 ? copy[0] : 0);
                    }

                    public List<Parameter> parameters() {
                        return Collections.unmodifiableList(params);
                    }
                }
                """));
        assertEquals(List.of(), messages(classes));
    }

    @Test
    void theCourseStubsSolutionsAndLoopStyleSolutionsAreAllowed() throws IOException {
        Path root = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("exercises/solutions"))) {
                root = dir.resolve("exercises");
                break;
            }
        }
        Assumptions.assumeTrue(root != null, "no exercises/ in this checkout");
        List<String> ids;
        try (Stream<Path> s = Files.list(root.resolve("solutions"))) {
            ids = s.filter(p -> Files.isDirectory(p.resolve("src"))).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        }
        int checked = 0;
        for (String id : ids) {
            Path solution = root.resolve("solutions").resolve(id);
            Path stubs = root.resolve(id).resolve("src"); // a solution: the stubs with its own files laid over them
            for (List<Path> layers : List.of(List.of(stubs), List.of(stubs, solution.resolve("src")),
                    List.of(stubs, solution.resolve("src"), solution.resolve("loop-style")))) {
                if (!layers.stream().allMatch(Files::isDirectory)) {
                    continue;
                }
                Path src = Files.createTempDirectory(tmp, "course");
                for (Path layer : layers) {
                    SourceLayers.overlay(layer, src); // the loop-style layer is a diff against the solution
                }
                Path out = Files.createTempDirectory(tmp, "course-classes");
                CompileResult r = new SubmissionCompiler(StudentApi.locate()).compile(src, out);
                if (r.hasErrors()) {
                    continue;   // still being written: the exercise's own spec test reports that
                }
                assertEquals(List.of(), messages(out), id + " " + layers);
                checked++;
            }
        }
        assertTrue(checked > 0 || ids.isEmpty(), "nothing of the course compiled");
    }
}
