package org.gradlab.course.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class MethodLocatorTest {
    private static final String SOURCE = """
            package p;
            class T {
                // backward(g) is called by the layer
                Tensor forward(Tensor x) { return backward(x); }
                @Override
                public List<Value> topologicalOrder() {
                    return x.backward(g);
                }
                public Tensor backward(Tensor gradOutput) {
                    return null;
                }
                static <T> T[] pick(T[] a) { return a; }
            }
            """;

    @Test
    void findsTheDeclarationNotTheCallsOrComments() {
        assertEquals(SOURCE.indexOf("backward(Tensor gradOutput)"), MethodLocator.find(SOURCE, "backward"));
        assertEquals(SOURCE.indexOf("topologicalOrder()"), MethodLocator.find(SOURCE, "topologicalOrder"));
        assertEquals(SOURCE.indexOf("forward(Tensor x)"), MethodLocator.find(SOURCE, "forward"));
        assertEquals(SOURCE.indexOf("pick("), MethodLocator.find(SOURCE, "pick"));
        assertEquals(-1, MethodLocator.find(SOURCE, "step"));
    }

    @Test
    void findsEveryMethodOfTheAutodiffStub() throws IOException {
        String value = Files.readString(Course.exercise("01-autodiff").resolve("src/autodiff/Value.java"));
        for (String m : new String[] { "add", "pow", "sigmoid", "topologicalOrder", "backward", "zeroGrad" }) {
            int at = MethodLocator.find(value, m);
            String line = value.substring(value.lastIndexOf('\n', at) + 1, value.indexOf('\n', at));
            assertEquals(true, at > 0 && line.matches("\\s*(public )?\\w[\\w<>]* " + m + "\\(.*"), m + ": " + line);
        }
    }
}
