package org.gradlab.engine.train;

import java.util.function.Consumer;

/** Receives metrics while a {@link Trainer} runs; both methods default to doing nothing. */
public interface TrainingListener {
    default void onBatchEnd(BatchMetrics metrics) {
    }

    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** A listener for epoch ends only, e.g. {@code TrainingListener.onEpoch(m -> log(m))}. */
    static TrainingListener onEpoch(Consumer<EpochMetrics> action) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics metrics) {
                action.accept(metrics);
            }
        };
    }
}
