package org.gradlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.core.Tensor;
import org.junit.jupiter.api.Test;

/** The registration contract; numeric agreement with torch is checked by the shared vector test. */
class OptimizerOpsTest {
    private static final OpRegistry R = OpRegistry.get();

    private static Attrs attrs(String op, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Attrs(op, m);
    }

    @Test
    void everyOptimizerAndScheduleIsRegistered() {
        for (String name : List.of("sgd", "rmsprop", "adagrad", "adam", "adamw")) {
            assertNotNull(R.optimizerOp(name), name);
        }
        assertNotNull(R.scheduleOp("step_lr"));
        assertNotNull(R.scheduleOp("cosine_annealing_lr"));
    }

    @Test
    void optimizerOpReturnsTheParameterAfterEachStepAndLeavesTheInputAlone() {
        Tensor param = Tensor.vector(1, -2);
        List<Tensor> grads = List.of(Tensor.vector(0.5, -1), Tensor.vector(0.5, -1));
        List<Tensor> after = R.optimizerOp("sgd").run(attrs("sgd", "lr", 0.1, "momentum", 0.9, "dampening", 0.0,
                "nesterov", false, "weight_decay", 0.0, "maximize", false), param, grads);
        assertEquals(2, after.size());
        assertArrayEquals(new double[] {0.95, -1.9}, after.get(0).toArray(), 1e-12);
        assertArrayEquals(new double[] {0.855, -1.71}, after.get(1).toArray(), 1e-12); // b2 = 1.9·g
        assertArrayEquals(new double[] {1, -2}, param.toArray(), 0.0);
    }

    @Test
    void adamReadsBetasAsAPair() {
        List<Tensor> after = R.optimizerOp("adam").run(attrs("adam", "lr", 0.01, "betas", List.of(0.8, 0.9),
                "eps", 1e-8, "weight_decay", 0.0, "amsgrad", false), Tensor.vector(1), List.of(Tensor.vector(3)));
        assertEquals(0.99, after.get(0).item(), 1e-9);
        var bad = assertThrows(IllegalArgumentException.class, () -> R.optimizerOp("adamw").run(
                attrs("adamw", "lr", 0.01, "betas", List.of(0.9)), Tensor.vector(1), List.of(Tensor.vector(3))));
        assertTrue(bad.getMessage().contains("adamw: attribute 'betas'"), bad.getMessage());
    }

    @Test
    void unsupportedFlagsAreClearErrors() {
        var ams = assertThrows(UnsupportedOperationException.class, () -> R.optimizerOp("adam").run(
                attrs("adam", "lr", 0.01, "amsgrad", true), Tensor.vector(1), List.of(Tensor.vector(1))));
        assertEquals("adam: amsgrad=true is not supported (only false)", ams.getMessage());
        var max = assertThrows(UnsupportedOperationException.class, () -> R.optimizerOp("sgd").run(
                attrs("sgd", "lr", 0.01, "maximize", true), Tensor.vector(1), List.of(Tensor.vector(1))));
        assertTrue(max.getMessage().contains("maximize"), max.getMessage());
        var lr = assertThrows(IllegalArgumentException.class, () -> R.optimizerOp("rmsprop").run(
                attrs("rmsprop"), Tensor.vector(1), List.of(Tensor.vector(1))));
        assertTrue(lr.getMessage().contains("rmsprop: attribute 'lr' expected a number"), lr.getMessage());
    }

    @Test
    void schedulesGiveTheRateOfEachEpoch() {
        double[] step = R.scheduleOp("step_lr").run(attrs("step_lr", "lr", 1.0, "step_size", 2, "gamma", 0.5,
                "epochs", 5));
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25}, step, 0.0);
        double[] cos = R.scheduleOp("cosine_annealing_lr").run(attrs("cosine_annealing_lr", "lr", 0.1, "T_max", 2,
                "eta_min", 0.0, "epochs", 5));
        assertArrayEquals(new double[] {0.1, 0.05, 0.0, 0.05, 0.1}, cos, 1e-15);
    }
}
