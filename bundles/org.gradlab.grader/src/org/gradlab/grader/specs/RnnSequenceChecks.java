package org.gradlab.grader.specs;

import java.util.ArrayList;
import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;
import org.gradlab.engine.nn.RNN;
import org.gradlab.engine.nn.RNNCell;
import org.gradlab.check.diagnose.MistakeDiagnosis;
import org.gradlab.grader.spec.Grading;
import org.gradlab.grader.spec.ModuleOracle;
import org.gradlab.grader.spec.Part;
import org.gradlab.grader.spec.StudentInstance;

/**
 * The sequence RNN of exercise 11 against the reference {@link RNN}: a random sequence (with the
 * invariants) and a single step as an edge case. The BPTT mistakes are recomputed by unrolling
 * reference cells: no hidden-state gradient carried back, and parameter gradients that keep only
 * one step's contribution (overwritten per step).
 */
final class RnnSequenceChecks {
    private static final String NO_CARRY = "BPTT missing the gradient carried to the previous hidden state: h_t"
            + " feeds step t+1 too, so its gradient is gradOutputs[t] + what step t+1 sends back";
    private static final String FIRST_ONLY = "parameter gradients overwritten at each time step instead of"
            + " accumulated: only the first step's contribution (the last one backward visits) is left";
    private static final String LAST_ONLY = "parameter gradients overwritten at each time step instead of"
            + " accumulated: only the last step's contribution is left";

    private final Grading g;
    private final Rng r;

    private RnnSequenceChecks(Grading g) {
        this.g = g;
        this.r = g.rng("sequence");
    }

    static void run(Grading g) {
        RnnSequenceChecks c = new RnnSequenceChecks(g);
        c.sequence(3 + c.r.nextInt(3), 1 + c.r.nextInt(3), null, true);
        c.sequence(1, 1 + c.r.nextInt(3), Part.EDGE_CASES, false);
    }

    private void sequence(int steps, int n, Part part, boolean invariants) {
        int in = 2 + r.nextInt(3);
        int hid = 2 + r.nextInt(3);
        RNN ref = new RNN(in, hid, r.split());
        Tensor input = Tensor.randn(r, steps, n, in);
        Tensor h0 = Tensor.uniform(r, -1, 1, n, hid);
        Tensor go = Tensor.randn(r, steps, n, hid);
        ModuleOracle.Module reference = ModuleOracle.of(i -> new Tensor[] {ref.forward(i[0], i[1]).output()}, d -> {
            RNNCell.Grads grads = ref.backward(d[0], null);
            return new Tensor[] {grads.input(), grads.hx()};
        }, ref::parameters);
        ModuleOracle.Case c = new ModuleOracle.Case("T=" + steps + ", batch " + n + ": input (" + steps + ", " + n
                + ", " + in + "), h0 (" + n + ", " + hid + ")").input("input", input).input("h0", h0)
                .output("hidden states", go);
        Unrolled carried = unroll(ref, input, h0, go, true);
        Unrolled dropped = unroll(ref, input, h0, go, false);
        c.diagnoseOutput("hidden states", new MistakeDiagnosis().variant("h0 ignored: the first step must start from"
                + " h0, not from zeros", unroll(ref, input, h0.zerosLike(), go, true).output));
        c.diagnoseGrad("input", new MistakeDiagnosis().variant(NO_CARRY, dropped.dInput));
        c.diagnoseGrad("h0", new MistakeDiagnosis().variant(NO_CARRY, dropped.dh0));
        for (int p = 0; p < 4; p++) {
            c.diagnoseParameter(ref.parameters().get(p).name(), new MistakeDiagnosis()
                    .variant(NO_CARRY, dropped.sum(p))
                    .variant(FIRST_ONLY, carried.perStep.get(0)[p])
                    .variant(LAST_ONLY, carried.perStep.get(steps - 1)[p]));
        }
        if (part != null) {
            c.part(part);
        }
        StudentInstance s = new StudentInstance(g.code(), "rnn.RNN", in, hid, new Rng(1));
        ModuleOracle.judge(g, "RNN(" + in + ", " + hid + ")", ModuleOracle.student(s, c), reference, c, invariants);
    }

    /** BPTT by hand over one reference cell per step; per-step parameter gradients kept apart. */
    private record Unrolled(Tensor output, Tensor dInput, Tensor dh0, List<Tensor[]> perStep) {
        Tensor sum(int p) {
            Tensor s = perStep.get(0)[p].zerosLike();
            for (Tensor[] step : perStep) {
                s = s.add(step[p]);
            }
            return s;
        }
    }

    private static Unrolled unroll(RNN ref, Tensor input, Tensor h0, Tensor go, boolean carry) {
        int steps = input.size(0);
        List<RNNCell> cells = new ArrayList<>();
        List<Tensor> hs = new ArrayList<>();
        Tensor h = h0;
        for (int t = 0; t < steps; t++) {
            RNNCell cell = new RNNCell(ref.inputSize(), ref.hiddenSize(), new Rng(0));
            for (int p = 0; p < 4; p++) {
                cell.parameters().get(p).value().copyFrom(ref.parameters().get(p).value());
            }
            h = cell.forward(input.select(0, t), h);
            cells.add(cell);
            hs.add(h);
        }
        Tensor[] dx = new Tensor[steps];
        Tensor dh = h0.zerosLike();
        for (int t = steps - 1; t >= 0; t--) {
            Tensor gt = go.select(0, t);
            RNNCell.Grads d = cells.get(t).backward(carry ? gt.add(dh) : gt);
            dx[t] = d.input();
            dh = d.hx();
        }
        List<Tensor[]> perStep = cells.stream()
                .map(cell -> cell.parameters().stream().map(Parameter::grad).toArray(Tensor[]::new)).toList();
        return new Unrolled(Tensor.stack(hs, 0), Tensor.stack(List.of(dx), 0), dh, perStep);
    }
}
