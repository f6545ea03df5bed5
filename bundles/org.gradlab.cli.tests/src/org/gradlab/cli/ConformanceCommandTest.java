package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gradlab.check.json.Json;
import org.gradlab.check.vectors.TestVectorFile;
import org.gradlab.check.vectors.VectorCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

    /** Every PyTorch-made case agrees with the engine within 1e-8. */
    @TestFactory
    Stream<DynamicTest> everyGoldenCaseAgrees() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : GoldenVectors.files()) {
            for (VectorCase c : TestVectorFile.read(file).cases()) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + c.name(), () -> {
                    ConformanceCommand.Outcome o = ConformanceCommand.evaluate(c, 1e-8, 1e-10);
                    assertTrue(o.agrees(), c.name() + ": " + (o.error() != null ? o.error() : o.detail()));
                }));
            }
        }
        assertTrue(tests.size() >= 150, "expected the committed golden vectors, found " + tests.size() + " cases");
        return tests.stream();
    }

    @Test
    void badCasesAreReportedAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.json");
        Files.writeString(file, """
                {"cases": [
                  {"name": "good", "op": "relu", "inputs": {"input": {"shape": [2], "data": [-1, 2]}},
                   "grad_output": {"shape": [2], "data": [1, 1]},
                   "expected": {"output": {"shape": [2], "data": [0, 2]}, "grad": {"input": {"shape": [2], "data": [0, 1]}}}},
                  {"name": "unknown", "op": "frobnicate", "inputs": {}, "expected": {}},
                  {"name": "short-data", "op": "relu", "inputs": {"input": {"shape": [3], "data": [1, 2]}},
                   "grad_output": {"shape": [3], "data": [1, 1, 1]}, "expected": {}},
                  {"name": "wrong", "op": "relu", "inputs": {"input": {"shape": [2], "data": [-1, 2]}},
                   "grad_output": {"shape": [2], "data": [1, 1]},
                   "expected": {"output": {"shape": [2], "data": [0, 2.5]}, "grad": {}}}
                ]}""");
        Path emitted = dir.resolve("out/emitted.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConformanceCommand.run(new String[] {file.toString(), "--emit", emitted.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.strip().split("\n");
        assertEquals(1, code, text);
        assertEquals(5, lines.length, text);
        assertTrue(lines[0].startsWith("ok    good"), text);
        assertTrue(lines[1].startsWith("ERROR unknown: unknown op 'frobnicate'"), text);
        assertTrue(lines[2].contains("shape [3] needs 3 values, data has 2"), text);
        assertTrue(lines[3].startsWith("FAIL  wrong: output: mismatch, worst element [1]: expected 2.5, got 2.0"), text);
        assertTrue(lines[4].startsWith("1/4 cases agree (worst rel err 2.00e-01)"), text);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) ((Map<String, Object>) Json
                .parse(Files.readString(emitted))).get("cases");
        assertEquals(4, cases.size());
        assertTrue(cases.get(0).containsKey("actual"));
        assertTrue(((String) cases.get(1).get("error")).contains("frobnicate"));
        @SuppressWarnings("unchecked")
        Map<String, Object> actualOutput = (Map<String, Object>) ((Map<String, Object>) cases.get(3).get("actual"))
                .get("output");
        assertEquals(List.of(0.0, 2.0), actualOutput.get("data"));
    }

    @Test
    void missingFilesAndOptionsAreUsageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, ConformanceCommand.run(new String[0], System.out, errStream));
        assertEquals(2, ConformanceCommand.run(new String[] {"--bogus"}, System.out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
    }

    @Test
    void unreadableFileFailsTheRun(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.json");
        Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ConformanceCommand.run(new String[] {junk.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(1, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("not UTF-8"), out.toString(StandardCharsets.UTF_8));
    }
}
