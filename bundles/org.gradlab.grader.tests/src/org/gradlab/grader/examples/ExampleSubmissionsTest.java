package org.gradlab.grader.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.gradlab.check.SourceLayers;
import org.gradlab.grader.specs.SpecTesting;
import org.junit.jupiter.api.Test;

/**
 * The derived example submissions (zips made by releng/make-example-submissions.py from the
 * course's sources) must match the sources they were made from: a stale zip fails here, and the
 * message says how to rebuild it.
 */
class ExampleSubmissionsTest {
    @Test
    void everyDerivedZipMatchesItsRecipe() throws IOException {
        Path dir = SpecTesting.root().resolve("examples/submissions");
        List<Path> zips;
        try (Stream<Path> s = Files.list(dir)) {
            zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        int derived = 0;
        for (Path zip : zips) {
            try (ZipFile z = new ZipFile(zip.toFile())) {
                ZipEntry recipe = z.getEntry("RECIPE");
                if (recipe == null) {
                    continue; // hand-made (e.g. the zip bomb)
                }
                derived++;
                Map<String, String> actual = new TreeMap<>();
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    if (!e.getName().equals("RECIPE")) {
                        actual.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
                String lines = new String(z.getInputStream(recipe).readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(assemble(lines.strip().split("\n")), actual, zip.getFileName()
                        + " is stale: run /usr/bin/python3 releng/make-example-submissions.py");
            }
        }
        assertTrue(derived >= 5, "expected the derived example submissions, found " + derived);
    }

    /** The recipe language of make-example-submissions.py: later lines replace (a diff: patch) earlier files. */
    private static Map<String, String> assemble(String[] recipe) throws IOException {
        Path root = SpecTesting.root();
        Path tree = Files.createTempDirectory("gradlab-example");
        for (String line : recipe) {
            for (Path d : dirs(root, line.strip().split("\\s+"))) {
                SourceLayers.overlay(d, tree);
            }
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put("src/" + tree.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return files;
    }

    private static List<Path> dirs(Path root, String[] w) throws IOException {
        Path solutions = root.resolve("exercises/solutions");
        List<Path> out = new ArrayList<>();
        switch (w[0]) {
            case "stubs" -> {
                for (String id : ids(root.resolve("exercises"), w[1], "src")) {
                    out.add(root.resolve("exercises").resolve(id).resolve("src"));
                }
            }
            case "solution" -> {
                for (String id : ids(solutions, w[1], "src")) { // the stubs, the solution's own files over them
                    out.add(root.resolve("exercises").resolve(id).resolve("src"));
                    out.add(solutions.resolve(id).resolve("src"));
                }
            }
            case "loop-style" -> {
                for (String id : ids(solutions, "*", "loop-style")) {
                    out.add(solutions.resolve(id).resolve("loop-style"));
                }
            }
            case "variant" -> out.add(solutions.resolve(w[1]).resolve("variants").resolve(w[2]));
            default -> throw new AssertionError("unknown recipe line " + String.join(" ", w));
        }
        return out;
    }

    private static List<String> ids(Path parent, String which, String sub) throws IOException {
        if (!which.equals("*")) {
            return List.of(which);
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isDirectory(p.resolve(sub))).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        }
    }
}
