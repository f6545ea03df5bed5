package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.gradlab.check.json.Json;
import org.gradlab.core.Tensor;
import org.gradlab.grader.run.SubmissionGrading;
import org.gradlab.grader.run.SubmissionReport;
import org.gradlab.grader.spec.CheckResult;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.PartScore;
import org.gradlab.grader.spec.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {
    private static final int CLASS_SIZE = 16;

    @TempDir
    Path tmp;
    private String out;
    private String err;

    /** Reports from (name, seed) only, like a deterministic grading; counts calls and names. */
    public static class Fake implements SubmissionGrading {
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> graded = new ConcurrentSkipListSet<>();

        @Override
        public SubmissionReport grade(Path submission, String name, long seed) {
            calls.incrementAndGet();
            graded.add(name);
            pause();
            Random rnd = new Random(name.hashCode() + 31 * seed);
            List<CheckResult> checks = new ArrayList<>();
            int passed = 0;
            for (int k = 0; k < 4; k++) {
                boolean ok = rnd.nextBoolean();
                passed += ok ? 1 : 0;
                checks.add(new CheckResult(Part.FORWARD, "ReLU/forward case " + rnd.nextInt(1000), ok,
                        ok ? "" : "wrong at [0]", ok ? null : "sign flipped", false));
            }
            ExerciseResult e = new ExerciseResult("03-activations", "Activation functions", Status.GRADED,
                    List.of(new PartScore(Part.FORWARD, 10.0 * passed / 4, 10, passed, 4)), checks, "");
            return new SubmissionReport(name, seed, List.of(e), List.of(), List.of(), "printed by " + name + "\n",
                    "fake", "", 1 + rnd.nextInt(5000));
        }

        void pause() {
        }
    }

    /** The test-only grader a subprocess selects by -Dgradlab.grade.grading: slow enough to be killed midway. */
    public static final class Slow extends Fake {
        @Override
        void pause() {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int run(SubmissionGrading grading, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = GradeCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), grading, false);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    private Path submissions(int n) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("submissions"));
        for (int i = 0; i < n; i++) {
            Files.createDirectories(dir.resolve(String.format("student%02d", i)).resolve("activations"));
        }
        return dir;
    }

    @Test
    void gradesPrintsProgressLinesASummaryAndTheTiming() throws IOException {
        Path subs = submissions(5);
        Path reports = tmp.resolve("reports");
        assertEquals(0, run(new Fake(), subs.toString(), "--out", reports.toString(), "--jobs", "2", "--seed", "17"), err);
        assertEquals("", err);
        Matcher line = Pattern.compile("(?m)^\\[(\\d)/5\\] (student0\\d) (\\d+(\\.\\d+)?)/10 \\(\\d+\\.\\d s\\)$")
                .matcher(out);
        Set<String> seen = new TreeSet<>();
        while (line.find()) {
            seen.add(line.group(2));
        }
        assertEquals(Set.of("student00", "student01", "student02", "student03", "student04"), seen, out);
        assertTrue(out.startsWith("seed 17\ngrading 5 submissions with 2 jobs\n"), out);
        assertTrue(out.contains("\nSubmission  Total") && out.contains("\nExercise        Mean"), out);
        assertTrue(out.contains("Class mean "), out);
        assertTrue(Pattern.compile("wall time \\d+\\.\\d s for 5 submissions with 2 jobs \\(\\d+\\.\\d\\d s wall per"
                + " submission\\); mean grading time \\d+\\.\\d\\d s per submission").matcher(out).find(), out);
        for (String f : List.of("gradebook.csv", "summary.html", "run.json", "student03/results.json",
                "student03/junit.xml", "journal/student03.json")) {
            assertTrue(Files.isRegularFile(reports.resolve(f)), f);
        }
    }

    @Test
    void withoutSeedAFreshOneIsPrintedWrittenEverywhereAndReplaysTheRun() throws IOException {
        Path subs = submissions(6);
        assertEquals(0, run(new Fake(), subs.toString(), "--out", tmp.resolve("a").toString()), err);
        Matcher m = Pattern.compile("^seed (\\d+) \\(chosen now; replay this run with --seed (\\d+)\\)").matcher(out);
        assertTrue(m.find(), out);
        String seed = m.group(1);
        assertEquals(seed, m.group(2));
        Map<String, String> a = files(tmp.resolve("a"));
        assertTrue(a.get("run.json").contains("\"seed\": \"" + seed + "\""));
        assertTrue(a.get("summary.html").contains("<td>Seed</td><td>" + seed + "</td>"));
        for (int i = 0; i < 6; i++) {
            String name = String.format("student%02d", i);
            assertTrue(a.get(name + "/results.json").contains("\"seed\": \"" + seed + "\""), name);
            assertTrue(a.get(name + "/junit.xml").contains("<property name=\"seed\" value=\"" + seed + "\"/>"), name);
        }
        assertEquals(0, run(new Fake(), subs.toString(), "--out", tmp.resolve("b").toString(), "--seed", seed,
                "--jobs", "3"), err);
        assertEquals(withoutTiming(a), withoutTiming(files(tmp.resolve("b"))));
    }

    @Test
    void badInputsExitWithTwoAndSayWhy() throws IOException {
        Fake fake = new Fake();
        String reports = tmp.resolve("r").toString();
        assertEquals(2, run(fake, tmp.resolve("absent").toString(), "--out", reports));
        assertTrue(err.contains("SUBMISSIONS folder") && err.contains("does not exist"), err);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(2, run(fake, empty.toString(), "--out", reports));
        assertTrue(err.contains("no submissions in " + empty), err);
        Path subs = submissions(3);
        assertEquals(2, run(fake, subs.toString(), "--out", reports, "--shard", "3/2"));
        assertTrue(err.contains("--shard 3/2: i must be between 1 and 2"), err);
        assertEquals(2, run(fake, subs.toString(), "--out", reports, "--jobs", "0"));
        assertTrue(err.contains("--jobs expects a whole number of at least 1, got '0'"), err);
        assertEquals(2, run(fake, subs.toString()));
        assertTrue(err.contains("--out REPORTS is required") && err.contains("usage: gradlab grade"), err);
        assertEquals(2, run(fake, subs.toString(), "--out", reports, "--seed", "abc"));
        assertTrue(err.contains("--seed expects a whole number"), err);
        assertEquals(2, run(fake, subs.toString(), "--out", reports, "--fast"));
        assertTrue(err.contains("unknown option --fast"), err);
        assertEquals(0, fake.calls.get());

        assertEquals(0, run(fake, subs.toString(), "--out", reports, "--seed", "1"));
        assertEquals(2, run(fake, subs.toString(), "--out", reports, "--seed", "2"));
        assertTrue(err.contains("graded with seed 1") && err.contains("--regrade"), err);
        assertEquals(0, run(fake, subs.toString(), "--out", reports, "--seed", "2", "--regrade"), err);
        assertEquals(6, fake.calls.get());
    }

    @Test
    void anUnreadableJournalEntryIsRegradedWithAWarning() throws IOException {
        Path subs = submissions(4);
        Path reports = tmp.resolve("r");
        assertEquals(0, run(new Fake(), subs.toString(), "--out", reports.toString()));
        Files.writeString(reports.resolve("journal/student02.json"), "\u0000garbage");
        Fake again = new Fake();
        assertEquals(0, run(again, subs.toString(), "--out", reports.toString()), err);
        assertEquals(Set.of("student02"), again.graded);
        assertTrue(out.contains("warning: " + reports.resolve("journal/student02.json") + " is unreadable"), out);
        assertTrue(out.contains("resuming: 3 of 4 already graded (journal); 1 to grade"), out);
    }

    @Test
    void shardsGradedSeparatelyMergeIntoTheWholeClass() throws IOException {
        Path subs = submissions(7);
        Fake fake = new Fake();
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, run(fake, subs.toString(), "--out", tmp.resolve("s" + i).toString(), "--shard", i + "/3",
                    "--seed", "5"), err);
        }
        assertEquals(7, fake.calls.get());
        assertEquals(0, run(new Fake(), subs.toString(), "--out", tmp.resolve("full").toString(), "--seed", "5"));
        assertEquals(0, merge(tmp.resolve("s1").toString(), tmp.resolve("s2").toString(),
                tmp.resolve("s3").toString(), "--out", tmp.resolve("merged").toString()), err);
        assertTrue(out.contains("merged 7 submissions from 3 folders"), out);
        assertEquals(withoutTiming(files(tmp.resolve("full"))), withoutTiming(files(tmp.resolve("merged"))));

        assertEquals(0, run(fake, subs.toString(), "--out", tmp.resolve("other").toString(), "--shard", "2/3",
                "--seed", "6"));
        assertEquals(2, merge(tmp.resolve("s1").toString(), tmp.resolve("other").toString(),
                tmp.resolve("s3").toString(), "--out", tmp.resolve("m2").toString()));
        assertTrue(err.contains("different seeds"), err);
        assertEquals(2, merge(tmp.resolve("s1").toString(), "--out", tmp.resolve("m3").toString()));
        assertTrue(err.contains("missing shards 2/3, 3/3"), err);
        assertEquals(2, merge("--out", tmp.resolve("m3").toString()));
        assertTrue(err.contains("no reports folders given"), err);
    }

    @Test
    void mainDispatchesGradeAndMerge() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8);
        assertEquals(2, Main.run(new String[] {"grade"}, po, pe));
        assertTrue(e.toString(StandardCharsets.UTF_8).contains("no SUBMISSIONS folder given"));
        assertEquals(0, Main.run(new String[] {"merge", "--help"}, po, pe));
        assertEquals(0, Main.run(new String[] {"help"}, po, pe));
        String usage = o.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("usage: gradlab merge") && usage.contains("grade SUBMISSIONS --out REPORTS"), usage);
    }

    /**
     * A real kill -9: `gradlab grade` in its own JVM (with the slow test grader selected by the
     * test-only system property) is SIGKILLed midway; the journal holds only complete entries,
     * and a rerun grades exactly the missing submissions with the killed run's seed, ending with
     * the same reports as an uninterrupted run.
     */
    @Test
    void killMinusNineMidwayThenRerunGradesOnlyTheRest() throws Exception {
        String classpath = classpath();
        assumeTrue(classpath != null, "classes are not in plain files or folders (OSGi runtime?)");
        Path subs = submissions(CLASS_SIZE);
        Path reports = tmp.resolve("reports");
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + GradeCommand.GRADING_PROPERTY + "=" + Slow.class.getName(), "-cp", classpath,
                Main.class.getName(), "grade", subs.toString(), "--out", reports.toString(), "--jobs", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (journaled(reports).size() < 4) {
                assertTrue(child.isAlive(), () -> "the grading process ended early:\n" + read(log));
                assertTrue(System.nanoTime() < deadline, () -> "no progress:\n" + read(log));
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no cleanup
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Set<String> done = journaled(reports);
        assertTrue(done.size() >= 4 && done.size() < CLASS_SIZE, "journaled " + done.size() + ":\n" + read(log));
        for (String name : done) { // every entry is complete JSON: writes are atomic
            Json.parse(Files.readString(reports.resolve("journal/" + name + ".json")));
        }
        String seed = ((Map<?, ?>) Json.parse(Files.readString(reports.resolve("run.json")))).get("seed").toString();
        assertTrue(read(log).startsWith("seed " + seed + " (chosen now"), read(log));

        Fake rerun = new Fake();
        assertEquals(0, run(rerun, subs.toString(), "--out", reports.toString(), "--jobs", "3"), err);
        assertEquals(CLASS_SIZE - done.size(), rerun.calls.get());
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < CLASS_SIZE; i++) {
            expected.add(String.format("student%02d", i));
        }
        expected.removeAll(done);
        assertEquals(expected, rerun.graded);
        assertTrue(out.startsWith("seed " + seed + "\nresuming: " + done.size() + " of " + CLASS_SIZE), out);

        assertEquals(0, run(new Fake(), subs.toString(), "--out", tmp.resolve("clean").toString(), "--seed", seed));
        assertEquals(withoutTiming(files(tmp.resolve("clean"))), withoutTiming(files(reports)));
    }

    private int merge(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = MergeCommand.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    /** The folders or jars holding the CLI, grader, check, core and engine classes and these tests. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(Main.class, GradeCommandTest.class, SubmissionGrading.class, Json.class,
                Tensor.class, org.gradlab.engine.ops.OpRegistry.class)) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                return null;
            }
            try {
                Path entry = Path.of(source.getLocation().toURI());
                if (!holds(entry, c.getName().replace('.', '/') + ".class")) {
                    return null; // e.g. an OSGi bundle root rather than its class folder
                }
                entries.add(entry.toString());
            } catch (URISyntaxException | IOException | IllegalArgumentException e) {
                return null;
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean holds(Path entry, String classFile) throws IOException {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve(classFile));
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.getEntry(classFile) != null;
        }
    }

    private static Set<String> journaled(Path reports) throws IOException {
        Path dir = reports.resolve("journal");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith(".") && f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    /** Drops the journal (it keeps each grading's millis) and results.json's execution_time. */
    private static Map<String, String> withoutTiming(Map<String, String> files) {
        Map<String, String> kept = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!path.startsWith("journal")) {
                kept.put(path, text.replaceAll("\"execution_time\": [0-9.]+", "\"execution_time\": T"));
            }
        });
        return kept;
    }
}
