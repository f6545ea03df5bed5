package org.gradlab.check.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gradlab.check.vectors.TestVectorFile;
import org.gradlab.check.vectors.VectorCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public vectors are small subsets of PyTorch's golden vectors, each op runnable on the student classes. */
class PublicVectorsTest {
    private static final Path GOLDEN = CourseClasses.root().resolve("bundles/org.gradlab.engine.tests/vectors");

    static List<String> exercisesWithVectors() throws IOException {
        return SelfCheckTest.exercises().stream().filter(id -> Files.exists(vectors(id))).toList();
    }

    private static Path vectors(String id) {
        return CourseClasses.exercise(id).resolve("vectors/public.json");
    }

    @ParameterizedTest
    @MethodSource("exercisesWithVectors")
    void everyOpRunsOnAClassTheExerciseImplements(String id) throws IOException {
        ExerciseManifest m = ExerciseManifest.read(CourseClasses.exercise(id));
        assertEquals(vectors(id), m.vectorsPath(CourseClasses.exercise(id)));
        TestVectorFile f = TestVectorFile.read(vectors(id));
        assertTrue(f.generator().contains("torch"), "vectors must say they come from PyTorch: " + f.generator());
        Map<String, Integer> perOp = new TreeMap<>();
        for (VectorCase c : f.cases()) {
            StudentOps.Adapter a = StudentOps.forOp(c.op());
            assertNotNull(a, c.location() + ": no adapter for op " + c.op());
            assertTrue(m.classNames().contains(a.className()), c.location() + ": " + a.className()
                    + " is not a class of " + id);
            perOp.merge(c.op(), 1, Integer::sum);
        }
        assertTrue(perOp.values().stream().allMatch(n -> n >= 1 && n <= 4), "1 to 4 cases per op: " + perOp);
    }

    /** Every case but the generated scalar and MLP ones is a verbatim copy of a golden case of the same name. */
    @ParameterizedTest
    @MethodSource("exercisesWithVectors")
    void casesAreCopiesOfTheGoldenVectors(String id) throws IOException {
        Map<String, Map<String, Object>> golden = new HashMap<>();
        try (Stream<Path> s = Files.list(GOLDEN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                TestVectorFile.read(p).cases().forEach(c -> golden.put(c.name(), c.json()));
            }
        }
        for (VectorCase c : TestVectorFile.read(vectors(id)).cases()) {
            if (c.op().startsWith("scalar_") || c.op().equals("manual_mlp")) {
                assertTrue(c.expectedGrads().size() >= 1, c.location());
                continue;
            }
            assertEquals(golden.get(c.name()), c.json(), c.location() + " differs from the golden case");
        }
    }
}
