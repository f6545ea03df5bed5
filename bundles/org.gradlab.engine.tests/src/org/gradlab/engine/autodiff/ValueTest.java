package org.gradlab.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class ValueTest {
    private static final double H = 1e-6;

    /** f = (x²/log x + c)(x²/log x − c), the worked example. */
    private static Value worked(Value x, Value c) {
        Value a = x.pow(2).div(x.log());
        return a.add(c).mul(a.sub(c));
    }

    @Test
    void workedExample() {
        Value x = Value.variable("x", 3);
        Value c = Value.variable("c", 5);
        Value f = worked(x, c);
        f.backward();
        assertEquals(42.11137142490805, f.data(), 1e-12);
        assertEquals(48.75689335076091, x.grad(), 1e-10);
        assertEquals(-10.0, c.grad(), 1e-12);
        assertEquals(1.0, f.grad(), 0.0);
    }

    private static void checkUnary(String name, UnaryOperator<Value> op, DoubleUnaryOperator f, double... points) {
        for (double p : points) {
            Value x = Value.variable("x", p);
            Value y = op.apply(x);
            assertEquals(f.applyAsDouble(p), y.data(), 1e-12, name + " value at " + p);
            y.backward();
            double numeric = (f.applyAsDouble(p + H) - f.applyAsDouble(p - H)) / (2 * H);
            assertEquals(numeric, x.grad(), 1e-6 * Math.max(1, Math.abs(numeric)), name + "' at " + p);
        }
    }

    private static void checkBinary(String name, BinaryOperator<Value> op, DoubleBinaryOperator f, double a,
            double b) {
        Value x = Value.variable("a", a);
        Value y = Value.variable("b", b);
        Value z = op.apply(x, y);
        assertEquals(f.applyAsDouble(a, b), z.data(), 1e-12, name);
        z.backward();
        double da = (f.applyAsDouble(a + H, b) - f.applyAsDouble(a - H, b)) / (2 * H);
        double db = (f.applyAsDouble(a, b + H) - f.applyAsDouble(a, b - H)) / (2 * H);
        assertEquals(da, x.grad(), 1e-6, name + " ∂/∂a");
        assertEquals(db, y.grad(), 1e-6, name + " ∂/∂b");
    }

    @Test
    void everyBinaryOpMatchesCentralDifferences() {
        checkBinary("add", Value::add, (a, b) -> a + b, 1.5, -0.7);
        checkBinary("sub", Value::sub, (a, b) -> a - b, 1.5, -0.7);
        checkBinary("mul", Value::mul, (a, b) -> a * b, 1.5, -0.7);
        checkBinary("div", Value::div, (a, b) -> a / b, 1.5, -0.7);
    }

    @Test
    void everyUnaryOpMatchesCentralDifferences() {
        checkUnary("neg", Value::neg, x -> -x, -1.3, 2.0);
        checkUnary("pow 3", x -> x.pow(3), x -> x * x * x, -1.3, 2.0);
        checkUnary("pow -0.5", x -> x.pow(-0.5), x -> Math.pow(x, -0.5), 0.7, 4.0);
        checkUnary("log", Value::log, Math::log, 0.3, 5.0);
        checkUnary("exp", Value::exp, Math::exp, -2.0, 1.5);
        checkUnary("tanh", Value::tanh, Math::tanh, -0.8, 0.3, 2.5);
        checkUnary("relu", Value::relu, x -> Math.max(x, 0), -0.8, 0.3);
        checkUnary("sigmoid", Value::sigmoid, x -> 1 / (1 + Math.exp(-x)), -3.0, 0.0, 2.0);
        checkUnary("add const", x -> x.add(2).mul(3).sub(1).div(4), x -> ((x + 2) * 3 - 1) / 4, 0.5);
    }

    @Test
    void sigmoidIsStableAndReluHasZeroSlopeAtZero() {
        Value big = Value.variable("x", -800);
        Value s = big.sigmoid();
        s.backward();
        assertEquals(0.0, s.data(), 0.0);
        assertEquals(0.0, big.grad(), 0.0);
        assertEquals(1.0, Value.of(800).sigmoid().data(), 0.0);
        Value zero = Value.variable("x", 0);
        zero.relu().backward();
        assertEquals(0.0, zero.grad(), 0.0);
    }

    @Test
    void reusedNodesCollectEveryPath() {
        Value x = Value.variable("x", 3);
        Value sq = x.mul(x);
        sq.backward();
        assertEquals(6.0, x.grad(), 0.0); // both factors are x

        Value y = Value.variable("y", 2);
        Value a = y.add(1); // used three times below
        Value f = a.mul(a).add(a);
        f.backward();
        assertEquals(2 * 3 + 1, y.grad(), 0.0);
        assertEquals(7.0, a.grad(), 0.0);
    }

    @Test
    void topologicalOrderListsInputsBeforeUsersEachOnce() {
        Value x = Value.variable("x", 3);
        Value c = Value.variable("c", 5);
        Value f = worked(x, c);
        List<Value> order = f.topologicalOrder();
        assertSame(f, order.get(order.size() - 1));
        assertEquals(order.size(), new HashSet<>(order).size());
        Map<Value, Integer> pos = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i), i);
        }
        for (Value v : order) {
            for (Value child : v.children()) {
                assertTrue(pos.get(child) < pos.get(v), child + " before " + v);
            }
        }
        assertEquals(8, order.size()); // x, c and ^2 log / + − * (x²/log x is built once and used twice)
    }

    @Test
    void chainOfHundredThousandNodesNeedsNoRecursion() {
        Value x = Value.variable("x", 0.5);
        Value v = x;
        for (int i = 0; i < 100_000; i++) {
            v = v.add(x); // each node also reuses x
        }
        v.backward();
        assertEquals(100_001.0, x.grad(), 0.0);
        assertEquals(100_001, v.topologicalOrder().size());
        v.zeroGrad();
        assertEquals(0.0, x.grad(), 0.0);
    }

    @Test
    void repeatedBackwardAfterZeroGradGivesIdenticalGradients() {
        Value x = Value.variable("x", 1.7);
        Value c = Value.variable("c", -0.4);
        Value f = worked(x, c).tanh().add(x.sigmoid().mul(c));
        f.backward();
        double gx = x.grad();
        double gc = c.grad();
        f.backward(); // without zeroing, leaves accumulate like torch's .grad
        assertEquals(2 * gx, x.grad(), 1e-12);
        assertEquals(2 * gc, c.grad(), 1e-12);
        for (int i = 0; i < 3; i++) {
            f.zeroGrad();
            f.backward();
            assertEquals(gx, x.grad(), 0.0);
            assertEquals(gc, c.grad(), 0.0);
        }
    }

    @Test
    void labelsNameTheOperations() {
        Value x = Value.variable("x", 2);
        assertEquals("x", x.label());
        assertTrue(x.isLeaf());
        assertEquals("^2", x.pow(2).op());
        assertEquals("^0.5", x.pow(0.5).op());
        assertEquals("sigmoid", x.sigmoid().op());
        assertEquals(List.of(x, x), x.mul(x).children());
    }
}
