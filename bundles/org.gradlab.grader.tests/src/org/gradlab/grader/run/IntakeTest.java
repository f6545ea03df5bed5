package org.gradlab.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gradlab.grader.compile.CompileDiagnostic;
import org.gradlab.grader.spec.ExerciseResult;
import org.gradlab.grader.spec.Status;
import org.junit.jupiter.api.Test;

class IntakeTest {
    private static final long LIMIT = 4L << 20;

    /** A .zip of (entry name → bytes). */
    private static Path zip(Map<String, byte[]> entries) throws IOException {
        Path z = Submissions.tempDir("intake-zip").resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return z;
    }

    private static Intake.Sources prepare(Path submission, Path scratch) throws IOException {
        return Intake.prepare(submission, scratch, LIMIT, 100);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void zipEntriesClimbingOutOrAbsoluteAreRefusedAndNothingIsWrittenOutside() throws IOException {
        String marker = "escaped-" + UUID.randomUUID();
        Path scratch = Submissions.tempDir("intake-outer").resolve("inner/scratch");
        Files.createDirectories(scratch);
        Path climbing = zip(Map.of("src/activations/ReLU.java", utf8(Submissions.RELU),
                "../../" + marker + ".java", utf8("class X {}")));
        Intake.Sources s = prepare(climbing, scratch);
        assertEquals("unsafe entry \"../../" + marker + ".java\" in the .zip: absolute paths and '..' are not allowed",
                s.error());
        assertFalse(Files.exists(scratch.getParent().resolve(marker + ".java")));
        assertFalse(Files.exists(scratch.getParent().getParent().resolve(marker + ".java")));

        Path absolute = zip(Map.of("/tmp/" + marker + ".java", utf8("class X {}")));
        assertTrue(prepare(absolute, Submissions.tempDir("intake")).error().startsWith("unsafe entry"));
        assertFalse(Files.exists(Path.of("/tmp/" + marker + ".java")));
    }

    @Test
    void aZipBombIsStoppedAtTheLimitAndGradedZero() throws IOException {
        Path bomb = Submissions.tempDir("intake-bomb").resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("src/activations/ReLU.java"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 24; i++) {   // 24 MB of zeros: about 24 KB compressed
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(bomb) < 100_000, "the bomb is small: " + Files.size(bomb));
        Path scratch = Submissions.tempDir("intake");
        assertEquals("zip bomb: expands beyond 4 MB", prepare(bomb, scratch).error());
        long written;
        try (var files = Files.walk(scratch)) {
            written = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(written <= LIMIT, "wrote " + written + " bytes");

        // through the grader: every exercise 0, the reason in the report; no JVM is started for it
        SubmissionReport r = new SubmissionGrader(Submissions.config().withSizeLimits(LIMIT, 100)).grade(bomb,
                "bomb", 1);
        assertEquals("zip bomb: expands beyond 4 MB", r.error());
        assertEquals(0, r.score());
        for (ExerciseResult e : r.exercises()) {
            assertEquals(Status.MISSING, e.status());
            assertEquals("submission not graded: zip bomb: expands beyond 4 MB", e.note());
        }
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() throws IOException {
        Map<String, byte[]> many = new java.util.HashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("f" + i + ".txt", new byte[0]);
        }
        assertEquals("too many files in the .zip: more than 100", prepare(zip(many), Submissions.tempDir("i"))
                .error());
    }

    @Test
    void theSourceTreeIsFoundUnderSrcInAWrappingFolderOrAtTheTop() throws IOException {
        for (String prefix : List.of("src/", "project/src/", "")) {
            Path z = zip(Map.of(prefix + "activations/ReLU.java", utf8(Submissions.RELU), prefix + "notes.txt",
                    utf8("ignored")));
            Path scratch = Submissions.tempDir("intake");
            Intake.Sources s = prepare(z, scratch);
            assertEquals("", s.error(), prefix);
            assertEquals(1, s.files(), prefix);
            assertEquals(Submissions.RELU, Files.readString(s.root().resolve("activations/ReLU.java")), prefix);
            assertFalse(Files.exists(s.root().resolve("notes.txt")), "only Java sources are copied");
        }
    }

    @Test
    void symbolicLinksOutOfTheSubmissionAreRefusedNotFollowed() throws IOException {
        Path secret = Submissions.tempDir("outside").resolve("ReferenceSolution.java");
        Files.writeString(secret, "package activations; public class Secret { /* the reference solution */ }");
        Path sub = Submissions.folder(Map.of("src/activations/ReLU.java", Submissions.RELU));
        Files.createSymbolicLink(sub.resolve("src/activations/Secret.java"), secret);
        Files.createSymbolicLink(sub.resolve("src/activations/Alias.java"), sub.resolve("src/activations/ReLU.java"));
        Files.createSymbolicLink(sub.resolve("src/etc"), Path.of("/etc"));
        Intake.Sources s = prepare(sub, Submissions.tempDir("intake"));
        assertEquals("", s.error());
        assertEquals(List.of("src/activations/Secret.java: symbolic link pointing outside the submission refused (not"
                + " followed)", "src/etc: symbolic link pointing outside the submission refused (not followed)"),
                s.refused().stream().sorted().toList());
        assertFalse(Files.exists(s.root().resolve("activations/Secret.java")));
        assertTrue(Files.exists(s.root().resolve("activations/Alias.java")), "a link inside the submission is fine");
    }

    @Test
    void anEmptyFolderHasNoJavaSources() throws IOException {
        Path empty = Submissions.tempDir("empty-submission");
        assertEquals("no Java sources found", prepare(empty, Submissions.tempDir("intake")).error());
        SubmissionReport r = new SubmissionGrader(Submissions.config()).grade(empty, "empty", 1);
        assertEquals("no Java sources found", r.error());
        assertEquals(0, r.score());
    }

    @Test
    void binaryOrNonUtf8SourcesGetClearDiagnosticsAndAreNotCompiled() throws IOException {
        Path sub = Submissions.folder(Map.of("src/probe/Square.java", SquareProbe.SOLUTION));
        byte[] junk = new byte[300];
        new java.util.Random(5).nextBytes(junk);
        junk[0] = 0;
        Files.createDirectories(sub.resolve("src/activations"));
        Files.write(sub.resolve("src/activations/ReLU.java"), junk);
        Files.write(sub.resolve("src/activations/Latin1.java"),
                "package activations;\n// caf\u00e9\nclass Latin1 {}\n".getBytes(StandardCharsets.ISO_8859_1));
        Intake.Sources s = prepare(sub, Submissions.tempDir("intake"));
        assertEquals(List.of(
                new CompileDiagnostic("activations/Latin1.java", 2, true,
                        "not valid UTF-8 text (first bad byte on this line): save the file as UTF-8; it was not"
                                + " compiled"),
                new CompileDiagnostic("activations/ReLU.java", 1, true,
                        "binary content, not Java source text: the file was not compiled")),
                s.rejected().stream().sorted(java.util.Comparator.comparing(CompileDiagnostic::file)).toList());
        assertEquals(1, s.files());
        assertTrue(Files.exists(s.root().resolve("probe/Square.java")));
        assertFalse(Files.exists(s.root().resolve("activations/ReLU.java")));
    }
}
