package org.gradlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutodiffCommandTest {
    private static final String WORKED = "(x^2/log(x) + c)*(x^2/log(x) - c)";

    /** Exit status, stdout and stderr of one run. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AutodiffCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void workedExamplePrintsValueAndPartials() {
        Run r = run(WORKED, "--at", "x=3,c=5");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("f = 42.1113714"), r.out());
        assertTrue(r.out().contains("\u2202f/\u2202x = 48.7568933"), r.out());
        assertTrue(r.out().contains("\u2202f/\u2202c = -10\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void tableListsNodesInTopologicalOrderWithAdjoints() {
        String out = run(WORKED, "--at", "x=3,c=5").out();
        String[] lines = out.substring(out.indexOf("id")).split("\n");
        assertTrue(lines[0].matches("id\\s+operation\\s+inputs\\s+value\\s+adjoint"), lines[0]);
        assertEquals(12, lines.length); // header + 11 nodes
        assertTrue(lines[1].matches("\\s*0\\s+x\\s+3\\s+48\\.7568933\\d*"), lines[1]);
        assertTrue(lines[11].matches("\\s*10\\s+\\*\\s+5, 9\\s+42\\.1113714\\d*\\s+1"), lines[11]);
        assertTrue(out.contains(" log "), out);
    }

    @Test
    void dotFileDescribesTheGraph(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("g.dot");
        Run r = run("f = x*x + c", "--at=x=2, c=1", "--dot", file.toString());
        assertEquals(0, r.status(), r.err());
        String dot = Files.readString(file);
        assertTrue(dot.startsWith("digraph"), dot);
        assertTrue(dot.contains("n0 -> n1;"), dot); // x feeds x·x (twice: both edges listed)
        assertEquals(2, dot.split("n0 -> n1;", -1).length - 1, dot);
        assertTrue(dot.contains("adjoint 4"), dot); // ∂f/∂x = 2x
        assertTrue(r.out().contains("\u2202f/\u2202x = 4\n"), r.out());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() {
        Run parse = run("(x + 1", "--at", "x=1");
        assertEquals(2, parse.status());
        assertTrue(parse.err().contains("expected ')' at column 7"), parse.err());
        assertEquals("", parse.out());

        Run missing = run("x * c", "--at", "x=1");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no value given for variable c"), missing.err());

        Run malformed = run("x", "--at", "x3");
        assertEquals(2, malformed.status());
        assertTrue(malformed.err().contains("--at: expected NAME=VALUE, got 'x3'"), malformed.err());

        Run notNumber = run("x", "--at", "x=three");
        assertEquals(2, notNumber.status());
        assertTrue(notNumber.err().contains("not a number: 'three'"), notNumber.err());

        Run twice = run("x", "--at", "x=1,x=2");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("x is given twice"), twice.err());

        Run none = run("--at", "x=1");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no expression given"), none.err());

        Run noValue = run("x", "--at");
        assertEquals(2, noValue.status());
        assertTrue(noValue.err().contains("--at needs a value"), noValue.err());
    }

    @Test
    void helpAndConstantExpressions() {
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("usage: gradlab autodiff"), help.out());
        Run constant = run("2^10 - 24");
        assertEquals(0, constant.status(), constant.err());
        assertTrue(constant.out().startsWith("f = 1000\n"), constant.out());
    }

    @Test
    void unusedValuesOnlyWarn() {
        Run r = run("2*x", "--at", " x = 1.5 , y=2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("f = 3\n\u2202f/\u2202x = 2\n"), r.out());
        assertTrue(r.err().contains("warning: --at gives y but the expression does not use it"), r.err());
    }

    @Test
    void numbersPrintShortAndExact() {
        assertEquals("-10", AutodiffCommand.format(-10.000000000000002));
        assertEquals("0.1", AutodiffCommand.format(0.1));
        assertEquals("1.5e-07", AutodiffCommand.format(1.5e-7));
        assertEquals("NaN", AutodiffCommand.format(Double.NaN));
    }
}
