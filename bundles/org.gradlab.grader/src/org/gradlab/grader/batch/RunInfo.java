package org.gradlab.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gradlab.check.json.Json;
import org.gradlab.grader.report.AtomicFiles;

/**
 * {@code REPORTS/run.json}: the seed of a run, which shard it is and which submissions it is
 * responsible for. Written before the first submission is graded, so a run killed at any moment
 * resumes with the same seed; merge uses it to check seeds and that every shard is complete.
 *
 * @param submissions names of the submissions this folder grades (its shard of the class), sorted
 */
public record RunInfo(long seed, Shard shard, List<String> submissions) {
    public static final String FILE = "run.json";

    public RunInfo {
        submissions = List.copyOf(submissions);
    }

    public static Optional<RunInfo> read(Path reports) {
        Path file = reports.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Object json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(json instanceof Map<?, ?> m) || !(m.get("seed") instanceof String seed)
                    || !(m.get("shard") instanceof String shard) || !(m.get("submissions") instanceof List<?> names)) {
                throw new IllegalArgumentException("expected {\"seed\": \"…\", \"shard\": \"i/n\", \"submissions\": [...]}");
            }
            List<String> list = new ArrayList<>();
            for (Object n : names) {
                list.add(String.valueOf(n));
            }
            return Optional.of(new RunInfo(Long.parseLong(seed), Shard.parse(shard), list));
        } catch (IOException | RuntimeException e) {
            throw new BatchException(file + " is unreadable (" + e.getMessage() + "); pass --regrade to grade"
                    + " everything again", e);
        }
    }

    public void write(Path reports) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed)); // a string: JSON numbers lose 64-bit precision
        m.put("shard", shard.toString());
        m.put("submissions", new ArrayList<Object>(submissions));
        AtomicFiles.write(reports.resolve(FILE), Json.writePretty(m));
    }
}
