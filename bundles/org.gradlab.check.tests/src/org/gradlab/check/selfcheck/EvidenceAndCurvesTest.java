package org.gradlab.check.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the IDE draws from a report: the method an aspect points at, the numbers of a failure, the training curves. */
class EvidenceAndCurvesTest {

    @Test
    void theMethodOfAnAspect() {
        assertEquals("forward", item("forward").method());
        assertEquals("backward", item("backward").method());
        assertEquals("backward", item("numeric gradient").method());
        assertEquals("backward", item("backward (graphs)").method());
        assertEquals("backward", item("backward (numeric gradient)").method());
        assertEquals("forward", item("forward (mask and 1/(1−p) scale)").method());
        assertEquals("forward", item("running statistics").method());
        assertEquals("step", item("step").method());
        assertEquals("fitLinear", item("fitLinear").method());
        assertEquals("kaimingNormal", item("kaimingNormal").method());
        assertEquals("zeroGrad", item("zeroGrad").method());
        assertNull(item("parameters of VGG16").method());
        assertNull(item("").method());
    }

    private static Item item(String aspect) {
        return new Item(aspect, Outcome.PASSED, 0, 1, "", null);
    }

    @Test
    void memorizationRecordsLossAndAccuracyPerEpochWithTrueAndRandomLabels() throws IOException {
        ExerciseReport r = SelfCheck.check(CourseClasses.exercise("13-memorization"),
                CourseClasses.solution("13-memorization"));
        assertEquals(ExerciseReport.Status.PASSED, r.status(), () -> String.join("\n", ReportText.lines(r)));
        assertEquals(2, r.curves().size());
        Curve loss = r.curves().get(0);
        Curve accuracy = r.curves().get(1);
        assertEquals("epoch", loss.xLabel());
        assertEquals(List.of("true labels", "random labels"), loss.series().stream().map(Curve.Series::name).toList());
        double[] trueLoss = loss.series().get(0).y();
        double[] randomLoss = loss.series().get(1).y();
        assertEquals(MemorizationChecks.EXPERIMENT_EPOCHS, trueLoss.length);
        assertEquals(60.0, loss.series().get(0).x()[59]);
        // true labels are learned faster than random ones, and both losses fall
        assertTrue(trueLoss[9] < randomLoss[9], trueLoss[9] + " vs " + randomLoss[9]);
        assertTrue(trueLoss[59] < trueLoss[0] / 2 && randomLoss[59] < randomLoss[0] / 2);
        double[] trainTrue = accuracy.series().get(0).y();
        double[] trainRandom = accuracy.series().get(1).y();
        double[] testTrue = accuracy.series().get(2).y();
        double[] testRandom = accuracy.series().get(3).y();
        assertTrue(trainTrue[59] > 0.95, "true labels fitted: " + trainTrue[59]);
        assertTrue(trainRandom[59] > 0.8, "random labels memorized: " + trainRandom[59]);
        assertTrue(trainRandom[4] < trainTrue[4], "random labels take longer");
        assertTrue(testTrue[59] > 0.6, "true labels generalize: " + testTrue[59]);
        assertTrue(testRandom[59] < 0.4, "random labels do not (4 classes: chance 0.25): " + testRandom[59]);
    }

    @Test
    void theTwoLayerNetTrainingRecordsItsAccuracyPerEpoch() throws IOException {
        ExerciseReport r = SelfCheck.check(CourseClasses.exercise("05-fully-connected"),
                CourseClasses.solution("05-fully-connected"));
        assertEquals(ExerciseReport.Status.PASSED, r.status());
        Curve c = r.curves().get(0);
        double[] acc = c.series().get(0).y();
        assertEquals(15, acc.length);
        assertTrue(acc[14] >= 0.95, () -> java.util.Arrays.toString(acc));
    }

    @Test
    void stubsRecordNoCurvesAndNoEvidence() throws IOException {
        ExerciseReport r = SelfCheck.check(CourseClasses.exercise("13-memorization"),
                CourseClasses.stubs("13-memorization"));
        assertEquals(List.of(), r.curves());
        assertTrue(r.classes().stream().flatMap(c -> c.items().stream()).allMatch(i -> i.evidence() == null));
    }
}
