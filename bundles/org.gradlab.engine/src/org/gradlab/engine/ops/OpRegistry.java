package org.gradlab.engine.ops;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference engine's ops by their {@code torch.nn.functional} names, as test-vector cases
 * and {@code gradlab conformance} call them. Each op family registers itself here.
 */
public final class OpRegistry {
    private static final OpRegistry DEFAULT = new OpRegistry();

    private final Map<String, TensorOp> tensorOps = new TreeMap<>();
    private final Map<String, OptimizerOp> optimizerOps = new TreeMap<>();
    private final Map<String, ScheduleOp> scheduleOps = new TreeMap<>();

    private OpRegistry() {
        ActivationOps.register(this);
        LossOps.register(this);
        ConvOps.register(this);
        NormalizationOps.register(this);
        RecurrentOps.register(this);
        AttentionOps.register(this);
        OptimizerOps.register(this);
    }

    public static OpRegistry get() {
        return DEFAULT;
    }

    void tensor(String name, TensorOp op) {
        tensorOps.put(name, op);
    }

    void optimizer(String name, OptimizerOp op) {
        optimizerOps.put(name, op);
    }

    void schedule(String name, ScheduleOp op) {
        scheduleOps.put(name, op);
    }

    public TensorOp tensorOp(String name) {
        return tensorOps.get(name);
    }

    public OptimizerOp optimizerOp(String name) {
        return optimizerOps.get(name);
    }

    public ScheduleOp scheduleOp(String name) {
        return scheduleOps.get(name);
    }

    /** Every op name known, for error messages that list what exists. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(tensorOps.keySet());
        all.addAll(optimizerOps.keySet());
        all.addAll(scheduleOps.keySet());
        return Collections.unmodifiableSet(all);
    }
}
