package org.gradlab.grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Class folders to grade and the files a batch leaves behind. */
final class BatchFixtures {
    static final String[] CLASS = {"alice", "bob", "carol, jr", "dave \"the typo\"", "eve-hacker", "frank",
            "grace_slowpoke", "heidi", "ivan", "judy", "mallory", "broken-oscar"};

    private BatchFixtures() {
    }

    /** One subfolder per name (a zip for every third one), plus entries that must be ignored. */
    static Path classFolder(Path parent, String... names) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("submissions"));
        for (int i = 0; i < names.length; i++) {
            if (i % 3 == 2) {
                try (OutputStream o = Files.newOutputStream(dir.resolve(names[i] + ".zip"));
                        ZipOutputStream z = new ZipOutputStream(o)) {
                    z.putNextEntry(new ZipEntry("activations/ReLU.java"));
                    z.write("class ReLU {}".getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Path s = Files.createDirectories(dir.resolve(names[i]).resolve("activations"));
                Files.writeString(s.resolve("ReLU.java"), "class ReLU {}");
            }
        }
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".DS_Store"), "x");
        Files.writeString(dir.resolve("README.txt"), "not a submission");
        return dir;
    }

    /** Every file under {@code dir} by relative path, with its text. */
    static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * The written reports with the timing fields normalised: results.json's execution_time (the
     * one timing field outside the journal) and the journal's millis. Everything else must match
     * byte for byte.
     */
    static Map<String, String> reproducibleFiles(Path dir) {
        Map<String, String> files = files(dir);
        files.replaceAll((path, text) -> path.endsWith("results.json")
                ? text.replaceAll("\"execution_time\": [0-9.]+", "\"execution_time\": T")
                : path.startsWith("journal/") ? text.replaceAll("\"millis\": [0-9.]+", "\"millis\": T") : text);
        return files;
    }
}
