package org.gradlab.ui.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.gradlab.check.json.Json;
import org.gradlab.check.run.ReportJson;
import org.gradlab.check.selfcheck.ExerciseReport;

/**
 * The check history on disk: one JSON file, the runs newest first, each exercise report in the
 * check protocol's own JSON ({@link ReportJson}) so that a restored run shows exactly what the
 * check said, with the (capped) lines the student's code printed. A file that cannot be read
 * (from an older version, damaged) is set aside as *.unreadable and the history starts empty:
 * losing the history must not cost the view.
 */
public final class CheckHistoryStore {
    private static final int VERSION = 1;

    private final Path file;

    public CheckHistoryStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The saved runs, newest first; empty when there are none or they cannot be read. */
    public List<CheckRunRecord> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return parse(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            ILog.of(CheckHistoryStore.class).warn("GradLab: the check history " + file + " cannot be read ("
                    + e.getMessage() + "); it is kept as " + file.getFileName() + ".unreadable and a new one begins");
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // it will be overwritten by the next save
            }
            return List.of();
        }
    }

    /** Writes the runs (newest first) atomically; logs and carries on when the disk says no. */
    public void save(List<CheckRunRecord> runs) {
        List<Object> out = new ArrayList<>();
        for (CheckRunRecord r : runs) {
            out.add(toJson(r));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", (double) VERSION);
        root.put("runs", out);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(root), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            ILog.of(CheckHistoryStore.class).warn("GradLab: cannot save the check history to " + file + ": " + e);
        }
    }

    private static Map<String, Object> toJson(CheckRunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", r.project());
        m.put("asked", new ArrayList<Object>(r.asked()));
        m.put("started", r.started().toString());
        m.put("expected", (double) r.expected());
        m.put("cancelled", r.cancelled());
        m.put("problem", r.problem());
        m.put("elapsedMillis", (double) r.elapsed().toMillis());
        List<Object> reports = new ArrayList<>();
        r.reports().forEach(report -> reports.add(ReportJson.toJson(report)));
        m.put("reports", reports);
        // already capped by the record: a student printing in a loop cannot blow up the file
        m.put("output", new ArrayList<Object>(r.output()));
        m.put("printed", (double) r.printed());
        return m;
    }

    private List<CheckRunRecord> parse(Object json) {
        if (!(json instanceof Map<?, ?> root) || !(root.get("runs") instanceof List<?> runs)) {
            throw new IllegalArgumentException("expected {\"version\": " + VERSION + ", \"runs\": [...]}");
        }
        if (!(root.get("version") instanceof Double v) || v.intValue() != VERSION) {
            throw new IllegalArgumentException("history version " + root.get("version") + ", this IDE reads "
                    + VERSION);
        }
        List<CheckRunRecord> out = new ArrayList<>();
        for (Object o : runs) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("a run must be a JSON object, got " + o);
            }
            List<ExerciseReport> reports = new ArrayList<>();
            if (m.get("reports") instanceof List<?> rs) {
                for (Object report : rs) {
                    reports.add(ReportJson.report(report, file.toString()));
                }
            }
            List<String> asked = m.get("asked") instanceof List<?> a ? a.stream().map(String::valueOf).toList()
                    : List.of();
            CheckRunRecord run = CheckRunRecord.restored(String.valueOf(m.get("project")), asked,
                    Instant.parse(String.valueOf(m.get("started"))), reports, number(m.get("expected")),
                    Boolean.TRUE.equals(m.get("cancelled")), m.get("problem") instanceof String p ? p : null,
                    Duration.ofMillis(number(m.get("elapsedMillis"))));
            // absent in histories saved before the output was kept: those runs restore without it
            if (m.get("output") instanceof List<?> lines) {
                run.restoreOutput(lines.stream().map(String::valueOf).toList(), number(m.get("printed")));
            }
            out.add(run);
        }
        return out;
    }

    private static int number(Object o) {
        return o instanceof Double d ? d.intValue() : 0;
    }
}
