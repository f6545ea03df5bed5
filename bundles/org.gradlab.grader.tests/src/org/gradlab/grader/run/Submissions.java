package org.gradlab.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gradlab.check.Folders;
import org.gradlab.check.json.Json;
import org.gradlab.grader.report.ReportJson;
import org.gradlab.grader.spec.ExerciseResult;

/** Test helpers: submissions written from strings, the corpus folder, short-limit grader configs. */
final class Submissions {
    static final String RELU = """
            package activations;

            import org.gradlab.core.Layer;
            import org.gradlab.core.Tensor;

            public final class ReLU implements Layer {
                private Tensor positive;

                public Tensor forward(Tensor input) {
                    positive = input.gt(0);
                    return input.mul(positive);
                }

                public Tensor backward(Tensor gradOutput) {
                    return gradOutput.mul(positive);
                }
            }
            """;

    /** Everything the runner's tests write goes below this folder, removed when the JVM exits. */
    private static final Path TEMP = newTempRoot();

    private Submissions() {
    }

    private static Path newTempRoot() {
        try {
            Path root = Files.createTempDirectory("gradlab-runner-tests-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteQuietly(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh folder for one test's files. */
    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(TEMP, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A submission folder holding {@code files} (path relative to the folder → content). */
    static Path folder(Map<String, String> files) {
        try {
            Path dir = tempDir("submission-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code src/activations/ReLU.java} = relu plus a correct {@code src/probe/Square.java}. */
    static Path withRelu(String relu) {
        return folder(Map.of("src/activations/ReLU.java", relu, "src/probe/Square.java", SquareProbe.SOLUTION));
    }

    /** The repository root: the first folder upward holding examples/ and bundles/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("bundles"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no examples/ folder above " + Path.of("").toAbsolutePath());
    }

    /** The two probe exercises, 2 s per exercise, 30 s per submission, bubblewrap where it works. */
    static GraderConfig config() {
        return GraderConfig.forExercises(List.of(new ActivationsProbe(), new SquareProbe())).withTimeLimits(2, 30);
    }

    static ExerciseResult exercise(SubmissionReport r, String id) {
        Optional<ExerciseResult> e = r.exercises().stream().filter(x -> x.id().equals(id)).findFirst();
        return e.orElseThrow(() -> new AssertionError("no exercise " + id + " in " + r));
    }

    /** The report's JSON without its timing, for comparing runs. */
    static String jsonWithoutTiming(SubmissionReport r) {
        Map<String, Object> m = new LinkedHashMap<>(ReportJson.toJson(r));
        m.remove("millis");
        return Json.write(m);
    }

    /** Everything a failing assertion should show. */
    static String describe(SubmissionReport r) {
        return Json.writePretty(ReportJson.toJson(r));
    }
}
