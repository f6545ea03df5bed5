package org.gradlab.check.selfcheck;

import static org.gradlab.check.selfcheck.SelfCheck.guarded;

import java.util.List;

/**
 * The checks of what no fixed test vector can pin down, by class: dropout and initialization
 * (random draws), the autodiff Value over whole graphs, the hand-written MLP, the CNN arithmetic,
 * the memorization experiment's loop. Each aspect is guarded on its own: one that throws, or is
 * still a stub, does not stop the next.
 */
final class PropertyChecks {
    private PropertyChecks() {
    }

    static void run(Student s, Tally tally, List<String> classNames) {
        RegressionSelfChecks.run(s, tally, classNames);
        if (classNames.contains("regularization.Dropout")) {
            String cls = "regularization.Dropout";
            guarded(s, tally, cls, "forward (mask and 1/(1−p) scale)",
                    () -> RegularizationChecks.dropoutTraining(s, tally, cls));
            guarded(s, tally, cls, "evaluation mode", () -> RegularizationChecks.dropoutEvaluation(s, tally, cls));
        }
        if (classNames.contains("regularization.Init")) {
            for (String method : List.of("xavierUniform", "xavierNormal", "kaimingUniform", "kaimingNormal")) {
                guarded(s, tally, "regularization.Init", method,
                        () -> RegularizationChecks.init(s, tally, method));
            }
        }
        RegularizationStatisticsChecks.run(s, tally, classNames);
        if (classNames.contains(MlpChecks.MLP)) {
            guarded(s, tally, MlpChecks.MLP, "numeric gradient", () -> MlpChecks.numericGradient(s, tally));
        }
        if (classNames.contains(TwoLayerNetChecks.CLASS)) {
            String cls = TwoLayerNetChecks.CLASS;
            guarded(s, tally, cls, "backward (numeric gradient)", () -> TwoLayerNetChecks.numericGradient(s, tally));
            guarded(s, tally, cls, "train", () -> TwoLayerNetChecks.train(s, tally));
        }
        if (classNames.contains(MlpChecks.VANISHING)) {
            guarded(s, tally, MlpChecks.VANISHING, "gradientNormPerLayer", () -> MlpChecks.vanishing(s, tally));
        }
        if (classNames.contains(CnnChecks.CLASS)) {
            CnnChecks.run(s, tally);
        }
        if (classNames.contains(MemorizationChecks.CLASS)) {
            String cls = MemorizationChecks.CLASS;
            guarded(s, tally, cls, "shuffledLabels", () -> MemorizationChecks.shuffledLabels(s, tally));
            guarded(s, tally, cls, "accuracy", () -> MemorizationChecks.accuracy(s, tally));
            guarded(s, tally, cls, "train", () -> MemorizationChecks.train(s, tally));
        }
        if (classNames.contains("autodiff.Value")) {
            String cls = "autodiff.Value";
            guarded(s, tally, cls, "backward (graphs)", () -> ValueGraphs.graphs(s, tally, cls));
            guarded(s, tally, cls, "zeroGrad", () -> ValueGraphs.zeroGrad(s, tally, cls));
            guarded(s, tally, cls, "deep graph", () -> ValueGraphs.deepChain(s, tally, cls));
        }
    }
}
