package rnn;

import java.util.List;

import org.gradlab.core.Parameter;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * One LSTM step, as torch.nn.LSTMCell. The 4H pre-activation columns hold the gates in
 * PyTorch's order i, f, g, o: i = σ, f = σ, g = tanh, o = σ; then c' = f⊙c + i⊙g and
 * h' = o⊙tanh(c').
 */
public final class LSTMCell {
    // Gate blocks of the 4H axis, in PyTorch's order.
    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 3;
    private static final int O = 2;

    private final RecurrentWeights weights;
    private Tensor x;
    private Tensor h;
    private Tensor c;
    private Tensor[] gates; // activations i, f, g, o, indexed by I, F, G, O
    private Tensor tanhC;

    public LSTMCell(int inputSize, int hiddenSize, Rng rng) {
        this.weights = new RecurrentWeights(inputSize, hiddenSize, 4, rng);
    }

    /** [weight_ih (4H, I), weight_hh (4H, H), bias_ih (4H), bias_hh (4H)]. */
    public List<Parameter> parameters() {
        return weights.parameters();
    }

    /** {h', c'} (N, H) each for x (N, I) and state h, c (N, H). */
    public Tensor[] forward(Tensor x, Tensor h, Tensor c) {
        int hs = weights.hiddenSize;
        Tensor pre = weights.preActivation(x, h);
        gates = new Tensor[4];
        for (int k = 0; k < 4; k++) {
            Tensor block = pre.slice(1, k * hs, (k + 1) * hs);
            gates[k] = k == G ? block.map(Math::tanh) : block.map(LSTMCell::sigmoid);
        }
        this.x = x;
        this.h = h;
        this.c = c;
        Tensor cNext = gates[F].mul(c).add(gates[I].mul(gates[G]));
        tanhC = cNext.map(Math::tanh);
        return new Tensor[] {gates[O].mul(tanhC), cNext};
    }

    /** {dL/dx, dL/dh, dL/dc} for dL/dh' and dL/dc'; adds the parameter gradients. */
    public Tensor[] backward(Tensor gradH, Tensor gradC) {
        if (gates == null) {
            throw new IllegalStateException("LSTMCell: backward called before forward");
        }
        // c' reaches the loss directly and through h' = o·tanh(c').
        Tensor dc = gradC.add(gradH.mul(gates[O]).mul(tanhC.square().rsub(1)));
        Tensor[] dGates = new Tensor[4];
        dGates[I] = dc.mul(gates[G]).mul(sigmoidSlope(gates[I]));
        dGates[F] = dc.mul(c).mul(sigmoidSlope(gates[F]));
        dGates[G] = dc.mul(gates[I]).mul(gates[G].square().rsub(1));
        dGates[O] = gradH.mul(tanhC).mul(sigmoidSlope(gates[O]));
        Tensor[] dxh = weights.backward(Tensor.cat(List.of(dGates), 1), x, h);
        return new Tensor[] {dxh[0], dxh[1], dc.mul(gates[F])};
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** σ' expressed through σ: σ(1 − σ). */
    private static Tensor sigmoidSlope(Tensor s) {
        return s.mul(s.rsub(1));
    }
}
