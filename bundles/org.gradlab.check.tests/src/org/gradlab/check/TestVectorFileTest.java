package org.gradlab.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.gradlab.check.vectors.TensorJson;
import org.gradlab.check.vectors.TestVectorFile;
import org.gradlab.check.vectors.VectorCase;
import org.gradlab.check.vectors.VectorFormatException;
import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

class TestVectorFileTest {
    private static final String TEXT = """
            {"generator": "hand", "cases": [
              {"name": "linear/a", "op": "linear", "attrs": {"k": [2, 2]},
               "inputs": {"input": {"shape": [1, 2], "data": [1, 2]}, "weight": {"shape": [1, 2], "data": [3, 4]}},
               "grad_output": {"shape": [1, 1], "data": [1]},
               "expected": {"output": {"shape": [1, 1], "data": [11]}, "grad": {"input": {"shape": [1, 2], "data": [3, 4]}}}},
              {"name": "sgd/a", "op": "sgd", "inputs": {"param": {"shape": [], "data": [1]}},
               "grads": [{"shape": [], "data": [0.5]}], "expected": {"params": [{"shape": [], "data": [0.95]}]}},
              {"name": "broken", "op": "relu", "inputs": {"input": {"shape": [2, 2], "data": [1]}}, "expected": {}}
            ]}""";

    @Test
    void readsCasesLazilySoOneBadCaseDoesNotSpoilTheFile() {
        TestVectorFile f = TestVectorFile.parse(Path.of("v.json"), TEXT);
        assertEquals("hand", f.generator());
        assertEquals(3, f.cases().size());
        VectorCase linear = f.cases().get(0);
        assertEquals("linear", linear.op());
        assertArrayEquals(new double[] {3, 4}, linear.inputs().get("weight").toArray());
        assertEquals(11, linear.expectedOutput().item());
        assertArrayEquals(new double[] {3, 4}, linear.expectedGrads().get("input").toArray());
        VectorCase sgd = f.cases().get(1);
        assertNull(sgd.gradOutput());
        assertEquals(0.95, sgd.expectedParams().get(0).item());
        VectorFormatException e = assertThrows(VectorFormatException.class, () -> f.cases().get(2).inputs());
        assertEquals("v.json#2 (broken): inputs.input: shape [2, 2] needs 4 values, data has 1", e.getMessage());
    }

    @Test
    void rejectsFilesWithoutCases() {
        VectorFormatException e = assertThrows(VectorFormatException.class,
                () -> TestVectorFile.parse(Path.of("x.json"), "{\"tests\": []}"));
        assertEquals("x.json: expected an object with a \"cases\" list", e.getMessage());
        assertThrows(VectorFormatException.class, () -> TestVectorFile.parse(Path.of("x.json"), "{\"cases\": [1,"));
    }

    @Test
    void tensorRoundTrip() {
        Tensor t = Tensor.of(new double[] {1.5, -0.0, 1e-300}, 3, 1);
        Tensor back = TensorJson.read(TensorJson.write(t), "t");
        assertArrayEquals(t.shape(), back.shape());
        assertArrayEquals(t.toArray(), back.toArray());
    }
}
