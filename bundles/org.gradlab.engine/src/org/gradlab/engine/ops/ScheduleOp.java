package org.gradlab.engine.ops;

/** Evaluates a learning-rate schedule: the rate used at each epoch. */
@FunctionalInterface
public interface ScheduleOp {
    double[] run(Attrs attrs);
}
