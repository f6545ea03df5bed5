package org.gradlab.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gradlab.grader.report.ReportFiles;

/**
 * The submissions of a class folder: one per subfolder or .zip file, sorted by name (plain
 * {@code String} order, so every machine and shard agrees on the indices). Hidden entries (dot
 * files) and other files are ignored.
 */
public final class Submissions {
    /** Names that would collide with the files at the top of the reports folder. */
    static final Set<String> RESERVED = Set.of(Journal.DIR, RunInfo.FILE, ReportFiles.GRADEBOOK, ReportFiles.SUMMARY);

    private Submissions() {
    }

    public static List<Submission> list(Path folder) {
        if (!Files.exists(folder)) {
            throw new BatchException("SUBMISSIONS folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new BatchException(folder + " is not a folder: give the folder that holds one subfolder or .zip"
                    + " per submission");
        }
        Map<String, Submission> byName = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.sorted(Comparator.comparing(Path::toString)).toList()) {
                String file = p.getFileName().toString();
                if (file.startsWith(".") || Files.isHidden(p)) {
                    continue;
                }
                String name;
                if (Files.isDirectory(p)) {
                    name = file;
                } else if (Files.isRegularFile(p) && file.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    name = file.substring(0, file.length() - ".zip".length());
                } else {
                    continue;
                }
                if (name.isEmpty()) {
                    continue;
                }
                if (RESERVED.contains(name)) {
                    throw new BatchException("submission " + p + " is named '" + name
                            + "', which clashes with the reports' own files; rename it");
                }
                Submission previous = byName.put(name, new Submission(name, p));
                if (previous != null) {
                    throw new BatchException("two submissions are named '" + name + "': " + previous.path() + " and "
                            + p + "; keep one");
                }
            }
        } catch (IOException e) {
            throw new BatchException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (byName.isEmpty()) {
            throw new BatchException("no submissions in " + folder
                    + ": expected one subfolder or .zip file per student");
        }
        return new ArrayList<>(byName.values());
    }
}
