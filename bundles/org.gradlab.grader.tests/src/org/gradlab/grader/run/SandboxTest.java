package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gradlab.grader.spec.CheckResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The OS sandbox on its own: with the bytecode policy OFF, a submission tries to read the
 * reference sources and another submission, write outside its scratch folder, open a socket, list
 * the repository and load grader classes. Without a sandbox those succeed (proving the probe
 * works); in bubblewrap every one fails. Loading engine/grader classes fails in both: the student
 * class loader sees only the student API.
 */
class SandboxTest {
    private static final String ESCAPE = """
            package probe;

            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class Escape {
                public static String attempt(String target) {
                    String kind = target.substring(0, target.indexOf(':'));
                    String arg = target.substring(target.indexOf(':') + 1);
                    try {
                        switch (kind) {
                            case "read":
                                return "done: read " + Files.readString(Path.of(arg)).length() + " chars";
                            case "write":
                                Files.writeString(Path.of(arg), "escaped");
                                return "done: wrote " + arg;
                            case "connect":
                                try (var s = new java.net.Socket()) {
                                    s.connect(new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(arg)), 1000);
                                }
                                return "done: connected";
                            case "list":
                                try (var files = Files.list(Path.of(arg))) {
                                    return "done: listed " + files.count() + " entries";
                                }
                            case "class":
                                return "done: loaded " + Class.forName(arg);
                            default:
                                return "unknown " + kind;
                        }
                    } catch (Throwable t) {
                        return "blocked: " + t;
                    }
                }
            }
            """;

    /** target → what happened, as the EscapeProbe exercise recorded it. */
    private static Map<String, String> attempts(SandboxMode mode, List<String> targets) {
        List<String> options = new ArrayList<>(GraderConfig.DEFAULT_JVM_OPTIONS);
        options.add("-Dgradlab.probe=" + String.join(",", targets));
        GraderConfig config = GraderConfig.forExercises(List.of(new EscapeProbe())).withTimeLimits(5, 30)
                .withPolicy(false).withSandbox(mode).withJvmOptions(options);
        SubmissionReport r = new SubmissionGrader(config).grade(
                Submissions.folder(Map.of("src/probe/Escape.java", ESCAPE)), "escape", 1);
        Map<String, String> out = new LinkedHashMap<>();
        for (CheckResult c : Submissions.exercise(r, "91-escape").checks()) {
            out.put(c.name(), c.message());
        }
        assertEquals(targets, List.copyOf(out.keySet()), () -> Submissions.describe(r));
        return out;
    }

    private record Targets(List<String> all, Path written, ServerSocket server) {
    }

    private static Targets targets() throws IOException {
        Path root = Submissions.root();
        Path other = Submissions.folder(Map.of("src/activations/ReLU.java", Submissions.RELU));
        Path written = Path.of(System.getProperty("java.io.tmpdir"), "gradlab-escaped-" + UUID.randomUUID());
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new Targets(List.of(
                "read:" + root.resolve("bundles/org.gradlab.engine/src/org/gradlab/engine/nn/ReLU.java"),
                "read:" + other.resolve("src/activations/ReLU.java"),
                "write:" + written,
                "connect:" + server.getLocalPort(),
                // the repository root itself may appear in the sandbox as the parent of the read-only
                // class folders the child runs from (Tycho's bundles/*/target/classes), but nothing else
                "list:" + root.resolve("exercises/solutions"),
                "class:org.gradlab.engine.nn.ReLU",
                "class:org.gradlab.grader.run.GradingChild"), written, server);
    }

    @Test
    void bubblewrapBlocksFilesOutsideNetworkAndHostFolders() throws IOException {
        Assumptions.assumeTrue(new SubmissionGrader(Submissions.config()).isolation().startsWith("bubblewrap"),
                "bubblewrap does not work here");
        Targets t = targets();
        try (ServerSocket ignored = t.server()) {
            Map<String, String> got = attempts(SandboxMode.BWRAP, t.all());
            got.forEach((target, result) -> assertTrue(result.startsWith("blocked: "), target + " -> " + result));
            assertTrue(got.get(t.all().get(0)).contains("NoSuchFileException"), got.toString());
            assertFalse(Files.exists(t.written()), "nothing may be written outside the sandbox");
        }
    }

    @Test
    void withoutSandboxOnlyThePolicyAndTheClassLoaderStandInTheWay() throws IOException {
        Targets t = targets();
        try (ServerSocket ignored = t.server()) {
            Map<String, String> got = attempts(SandboxMode.NONE, t.all());
            for (String target : t.all().subList(0, 5)) {
                assertTrue(got.get(target).startsWith("done: "), target + " -> " + got.get(target));
            }
            assertTrue(Files.exists(t.written()));
            for (String target : t.all().subList(5, 7)) {
                assertTrue(got.get(target).startsWith("blocked: java.lang.ClassNotFoundException"),
                        target + " -> " + got.get(target));
            }
        } finally {
            Files.deleteIfExists(t.written());
        }
    }
}
