package org.gradlab.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionTest {
    private static double eval(String text, Object... kv) {
        Map<String, Double> values = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return Expression.parse(text).evaluate(values).output().data();
    }

    @Test
    void precedenceAndAssociativity() {
        assertEquals(14, eval("2 + 3 * 4"), 0.0);
        assertEquals(20, eval("(2 + 3) * 4"), 0.0);
        assertEquals(2, eval("8 - 4 - 2"), 0.0);
        assertEquals(1, eval("8 / 4 / 2"), 0.0);
        assertEquals(512, eval("2^3^2"), 0.0);
        assertEquals(-9, eval("-x^2", "x", 3), 0.0);
        assertEquals(9, eval("(-x)^2", "x", 3), 0.0);
        assertEquals(0.25, eval("x^-2", "x", 2), 0.0);
        assertEquals(9, eval("x**2", "x", 3), 0.0);
        assertEquals(Math.sqrt(2), eval("x^(1/2)", "x", 2), 1e-15);
        assertEquals(-1, eval("2 \u2212 3"), 0.0);
        assertEquals(0.0015, eval("1.5e-3"), 0.0);
        assertEquals(6, eval("--x * +2", "x", 3), 0.0);
    }

    @Test
    void functions() {
        assertEquals(Math.log(2) + Math.exp(1) + Math.tanh(0.5) + 0 + 0.5,
                eval("log(2) + exp(1) + tanh(0.5) + relu(-3) + sigmoid(0)"), 1e-15);
    }

    @Test
    void workedExampleThroughTheParser() {
        Expression e = Expression.parse("f = (x^2/log(x) + c)*(x^2/log(x) - c)");
        assertEquals("f", e.outputName());
        assertEquals(List.of("x", "c"), e.variables());
        Expression.Evaluation g = e.evaluate(Map.of("x", 3.0, "c", 5.0));
        g.output().backward();
        assertEquals(42.11137142490805, g.output().data(), 1e-12);
        assertEquals(48.75689335076091, g.variables().get("x").grad(), 1e-10);
        assertEquals(-10.0, g.variables().get("c").grad(), 1e-12);
    }

    @Test
    void eachVariableIsOneSharedLeaf() {
        Expression.Evaluation g = Expression.parse("x*x*x").evaluate(Map.of("x", 2.0));
        g.output().backward();
        assertEquals(12.0, g.variables().get("x").grad(), 0.0);
        Value x = g.variables().get("x");
        assertSame(x, g.output().topologicalOrder().get(0));
        assertEquals(3, g.output().topologicalOrder().size()); // x, x·x, (x·x)·x
    }

    @Test
    void longSumsEvaluateWithoutRecursion() {
        String text = "x" + " + x".repeat(50_000);
        Expression.Evaluation g = Expression.parse(text).evaluate(Map.of("x", 1.0));
        g.output().backward();
        assertEquals(50_001.0, g.output().data(), 0.0);
        assertEquals(50_001.0, g.variables().get("x").grad(), 0.0);
    }

    private static ExpressionParseException fails(String text) {
        return assertThrows(ExpressionParseException.class, () -> Expression.parse(text));
    }

    @Test
    void parseErrorsNameTheColumn() {
        var paren = fails("(x^2/log(x) + c");
        assertTrue(paren.getMessage().startsWith("expected ')' at column 16"), paren.getMessage());
        assertEquals(16, paren.column());
        var inner = fails("log(x + c * 2 ");
        assertTrue(inner.getMessage().startsWith("expected ')' at column 15"), inner.getMessage());

        var operand = fails("x + ");
        assertEquals(5, operand.column());
        assertTrue(operand.getMessage().contains("expected a number, a variable, a function or '('"),
                operand.getMessage());
        assertTrue(operand.getMessage().contains("the end of the expression"), operand.getMessage());

        var junk = fails("x $ 1");
        assertEquals("unexpected '$' at column 3 (expected an operator or the end)", junk.getMessage());
        var implicit = fails("2x");
        assertEquals(2, implicit.column());

        var unknown = fails("foo(x)");
        assertTrue(unknown.getMessage().startsWith("unknown function 'foo' at column 1"), unknown.getMessage());
        var noParen = fails("1 + log x");
        assertEquals("expected '(' after function 'log' at column 9", noParen.getMessage());
        var varExp = fails("x^(y+1)");
        assertTrue(varExp.getMessage().startsWith("the exponent must be a constant at column 3"), varExp.getMessage());
        var number = fails("1.2.3 * x");
        assertEquals("malformed number '1.2.3' at column 1", number.getMessage());
        assertEquals(1, fails("").column());
        assertEquals(5, fails("x * * 2").column());
    }

    @Test
    void missingVariableValuesAreNamed() {
        Expression e = Expression.parse("x * c + y");
        var missing = assertThrows(IllegalArgumentException.class, () -> e.evaluate(Map.of("x", 1.0)));
        assertEquals("no value given for variables c, y", missing.getMessage());
    }
}
