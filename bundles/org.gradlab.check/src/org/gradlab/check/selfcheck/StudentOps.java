package org.gradlab.check.selfcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradlab.check.vectors.VectorFormatException;
import org.gradlab.core.Layer;
import org.gradlab.core.Loss;
import org.gradlab.core.Optimizer;
import org.gradlab.core.Parameter;
import org.gradlab.core.Reduction;
import org.gradlab.core.Rng;
import org.gradlab.core.Tensor;

/**
 * The one place that maps test-vector ops ({@code relu}, {@code linear}, {@code conv2d},
 * {@code cross_entropy}, {@code sgd}, …) onto the student classes of the exercises: which class,
 * which constructor arguments from the case's attributes, where the case's weights go, and how
 * forward and backward are called. The student API is the one the stubs in {@code exercises/*}{@code /src}
 * fix; classes are reached by reflection because the self-check is compiled without them.
 */
final class StudentOps {
    private StudentOps() {
    }

    /** How one op runs on the student's classes. */
    sealed interface Adapter permits TensorAdapter, OptimizerAdapter {
        String className();
    }

    /**
     * A forward/backward op. {@code forwardGiven}: the forward is part of the given scaffolding
     * (autodiff's Value), so only the backward is the student's and only it is reported.
     */
    record TensorAdapter(String className, boolean forwardGiven, TensorFactory factory) implements Adapter {
    }

    /** An optimizer op: the student's optimizer over one parameter. */
    record OptimizerAdapter(String className, OptimizerFactory factory) implements Adapter {
    }

    @FunctionalInterface
    interface TensorFactory {
        Run prepare(Student s, Map<String, Tensor> inputs, CaseAttrs attrs);
    }

    @FunctionalInterface
    interface OptimizerFactory {
        Object build(Student s, List<Parameter> params, CaseAttrs attrs);
    }

    /** One case set up on the student's object: forward, then backward with the case's grad_output. */
    interface Run {
        Tensor forward();

        /** Gradients by the case's input names (parameters under their input names too). */
        Map<String, Tensor> backward(Tensor gradOutput);

        /** State after forward, by the case's state names (batch norm's running statistics). */
        default Map<String, Tensor> state() {
            return Map.of();
        }
    }

    private static final Map<String, Adapter> OPS = new LinkedHashMap<>();

    static Adapter forOp(String op) {
        return OPS.get(op);
    }

    private static void tensorOp(String op, String className, TensorFactory f) {
        OPS.put(op, new TensorAdapter(className, false, f));
    }

    static {
        // 02-mlp-backprop: inputs x, target, A1, b1, …, AL, bL; the output is E, the grads dE/dA_l, dE/db_l
        tensorOp("manual_mlp", "mlp.ManualMlp", (s, in, a) -> {
            List<Tensor> weights = new ArrayList<>();
            List<Tensor> biases = new ArrayList<>();
            for (int l = 1; in.containsKey("A" + l); l++) {
                weights.add(in.get("A" + l).copy());
                biases.add(input(in, "b" + l).copy());
            }
            Object mlp = s.construct("mlp.ManualMlp", weights, biases);
            Tensor x = input(in, "x");
            Tensor target = input(in, "target");
            return module(() -> Tensor.scalar(number(s.call(mlp, "forward", x.copy(), target.copy()))), g -> {
                List<Tensor> grads = s.tensorList(mlp, "backward", 2 * weights.size());
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (int l = 1; l <= weights.size(); l++) {
                    out.put("A" + l, grads.get(2 * l - 2).mul(g.item()));
                    out.put("b" + l, grads.get(2 * l - 1).mul(g.item()));
                }
                return out;
            });
        });

        // 03-activations
        tensorOp("relu", "activations.ReLU", (s, in, a) -> layer(s.construct("activations.ReLU"), in, Map.of()));
        tensorOp("sigmoid", "activations.Sigmoid",
                (s, in, a) -> layer(s.construct("activations.Sigmoid"), in, Map.of()));
        tensorOp("tanh", "activations.Tanh", (s, in, a) -> layer(s.construct("activations.Tanh"), in, Map.of()));
        tensorOp("leaky_relu", "activations.LeakyReLU", (s, in, a) -> layer(
                s.construct("activations.LeakyReLU", a.number("negative_slope", 0.01)), in, Map.of()));
        tensorOp("elu", "activations.ELU",
                (s, in, a) -> layer(s.construct("activations.ELU", a.number("alpha", 1.0)), in, Map.of()));
        tensorOp("prelu", "activations.PReLU", (s, in, a) -> {
            Tensor w = input(in, "weight");
            Object prelu = s.construct("activations.PReLU", w.numel());
            return layer(prelu, in, Map.of("weight", load(s.parameter(prelu, "weight"), w, "PReLU weight")));
        });
        tensorOp("softmax", "activations.Softmax",
                (s, in, a) -> layer(s.construct("activations.Softmax", a.integer("dim")), in, Map.of()));
        tensorOp("log_softmax", "activations.LogSoftmax",
                (s, in, a) -> layer(s.construct("activations.LogSoftmax", a.integer("dim")), in, Map.of()));
        tensorOp("maxout", "activations.Maxout",
                (s, in, a) -> layer(s.construct("activations.Maxout", a.integer("pieces")), in, Map.of()));

        // 04-losses
        loss("mse_loss", "losses.MSELoss");
        loss("l1_loss", "losses.L1Loss");
        loss("binary_cross_entropy", "losses.BCELoss");
        loss("binary_cross_entropy_with_logits", "losses.BCEWithLogitsLoss");
        loss("cross_entropy", "losses.CrossEntropyLoss");
        tensorOp("multi_margin_loss", "losses.MultiMarginLoss", (s, in, a) -> {
            a.require(a.number("p", 1) == 1, "p other than 1");
            return loss(s.construct("losses.MultiMarginLoss", a.number("margin", 1.0), reduction(a)), in);
        });

        // 05-fully-connected
        tensorOp("linear", "linear.Linear", (s, in, a) -> {
            Tensor w = input(in, "weight");
            Object linear = s.construct("linear.Linear", w.size(1), w.size(0), new Rng(0));
            return layer(linear, in, weightAndBias(s, linear, in, "Linear"));
        });

        // 06-optimizers
        OPS.put("sgd", new OptimizerAdapter("optim.SGD", (s, ps, a) -> {
            a.require(!a.flag("maximize", false), "maximize");
            return s.construct("optim.SGD", ps, a.number("lr"), a.number("momentum", 0), a.number("dampening", 0),
                    a.number("weight_decay", 0), a.flag("nesterov", false));
        }));
        OPS.put("rmsprop", new OptimizerAdapter("optim.RMSprop", (s, ps, a) -> {
            a.require(!a.flag("centered", false), "centered RMSprop");
            return s.construct("optim.RMSprop", ps, a.number("lr"), a.number("alpha", 0.99), a.number("eps", 1e-8),
                    a.number("weight_decay", 0), a.number("momentum", 0));
        }));
        OPS.put("adagrad", new OptimizerAdapter("optim.Adagrad", (s, ps, a) -> {
            a.require(a.number("initial_accumulator_value", 0) == 0, "an initial accumulator value");
            return s.construct("optim.Adagrad", ps, a.number("lr"), a.number("lr_decay", 0),
                    a.number("weight_decay", 0), a.number("eps", 1e-10));
        }));
        adam("adam", "optim.Adam");
        adam("adamw", "optim.AdamW");

        // 07-convolution
        tensorOp("conv2d", "conv.Conv2d", (s, in, a) -> {
            Tensor x = input(in, "input");
            Tensor w = input(in, "weight");
            Object conv = s.construct("conv.Conv2d", x.size(1), w.size(0), new int[] {w.size(2), w.size(3)},
                    a.pair("stride", 1), a.pair("padding", 0), a.pair("dilation", 1), a.integer("groups"),
                    new Rng(0));
            return layer(conv, in, weightAndBias(s, conv, in, "Conv2d"));
        });
        tensorOp("conv_transpose2d", "conv.ConvTranspose2d", (s, in, a) -> {
            a.require(a.integer("groups") == 1, "groups");
            a.require(Arrays.equals(a.pair("dilation", 1), new int[] {1, 1}), "dilation");
            Tensor w = input(in, "weight");
            Object conv = s.construct("conv.ConvTranspose2d", w.size(0), w.size(1),
                    new int[] {w.size(2), w.size(3)}, a.pair("stride", 1), a.pair("padding", 0),
                    a.pair("output_padding", 0), new Rng(0));
            return layer(conv, in, weightAndBias(s, conv, in, "ConvTranspose2d"));
        });
        tensorOp("upsample_nearest2d", "conv.UpsamplingNearest2d", (s, in, a) -> {
            int[] scale = a.integers("scale_factor");
            return layer(s.construct("conv.UpsamplingNearest2d", scale[0], scale[1]), in, Map.of());
        });

        // 08-pooling
        tensorOp("max_pool2d", "pooling.MaxPool2d", (s, in, a) -> {
            a.require(Arrays.equals(a.pair("dilation", 1), new int[] {1, 1}), "dilation");
            a.require(!a.flag("ceil_mode", false), "ceil_mode");
            return layer(s.construct("pooling.MaxPool2d", a.integers("kernel_size"), stride(a),
                    a.pair("padding", 0)), in, Map.of());
        });
        tensorOp("avg_pool2d", "pooling.AvgPool2d", (s, in, a) -> {
            a.require(!a.flag("ceil_mode", false), "ceil_mode");
            return layer(s.construct("pooling.AvgPool2d", a.integers("kernel_size"), stride(a),
                    a.pair("padding", 0), a.flag("count_include_pad", true)), in, Map.of());
        });

        // 10-regularization
        tensorOp("batch_norm", "regularization.BatchNorm", StudentOps::batchNorm);

        // 11-recurrent
        tensorOp("rnn_tanh_cell", "rnn.RNNCell", (s, in, a) -> {
            Tensor x = input(in, "input");
            Tensor h = input(in, "hx");
            Object cell = s.construct("rnn.RNNCell", x.size(1), h.size(1), new Rng(0));
            Map<String, Parameter> ps = recurrentWeights(s, cell, in);
            return module(() -> s.callTensor(cell, "forward", x.copy(), h.copy()),
                    g -> grads(s.callTensors(cell, "backward", 2, g.copy()), ps, "input", "hx"));
        });
        tensorOp("lstm_cell", "rnn.LSTMCell", (s, in, a) -> {
            Tensor x = input(in, "input");
            Tensor h = input(in, "hx");
            Tensor c = input(in, "cx");
            int hidden = h.size(1);
            Object cell = s.construct("rnn.LSTMCell", x.size(1), hidden, new Rng(0));
            Map<String, Parameter> ps = recurrentWeights(s, cell, in);
            // the vectors' output is cat([h', c'], dim 1)
            return module(() -> Tensor.cat(List.of(s.callTensors(cell, "forward", 2, x.copy(), h.copy(), c.copy())), 1),
                    g -> grads(s.callTensors(cell, "backward", 3, g.slice(1, 0, hidden).copy(),
                            g.slice(1, hidden, 2 * hidden).copy()), ps, "input", "hx", "cx"));
        });
        tensorOp("rnn_tanh", "rnn.RNN", (s, in, a) -> {
            Tensor x = input(in, "input");
            Tensor h = input(in, "hx");
            Object rnn = s.construct("rnn.RNN", x.size(2), h.size(1), new Rng(0));
            Map<String, Parameter> ps = recurrentWeights(s, rnn, in);
            return module(() -> s.callTensor(rnn, "forward", x.copy(), h.copy()),
                    g -> grads(s.callTensors(rnn, "backward", 2, g.copy()), ps, "input", "hx"));
        });

        // 12-attention
        tensorOp("scaled_dot_product_attention", "attention.ScaledDotProductAttention", (s, in, a) -> {
            Object attn = s.construct("attention.ScaledDotProductAttention", a.flag("is_causal", false));
            return module(() -> s.callTensor(attn, "forward", input(in, "query").copy(), input(in, "key").copy(),
                    input(in, "value").copy()),
                    g -> grads(s.callTensors(attn, "backward", 3, g.copy()), Map.of(), "query", "key", "value"));
        });
        tensorOp("multi_head_attention", "attention.MultiheadAttention", (s, in, a) -> {
            Tensor q = input(in, "query");
            Object mha = s.construct("attention.MultiheadAttention", q.size(2), a.integer("num_heads"), new Rng(0));
            List<Parameter> list = s.parameters(mha);
            Map<String, Parameter> ps = new LinkedHashMap<>();
            String[] names = {"in_proj_weight", "in_proj_bias", "out_proj_weight", "out_proj_bias"};
            requireCount(list, names.length, "MultiheadAttention");
            for (int i = 0; i < names.length; i++) {
                ps.put(names[i], load(list.get(i), input(in, names[i]), "MultiheadAttention " + names[i]));
            }
            boolean causal = a.flag("is_causal", false);
            return module(() -> s.callTensor(mha, "forward", q.copy(), input(in, "key").copy(),
                    input(in, "value").copy(), causal),
                    g -> grads(s.callTensors(mha, "backward", 3, g.copy()), ps, "query", "key", "value"));
        });
        tensorOp("layer_norm", "attention.LayerNorm", (s, in, a) -> {
            Object ln = s.construct("attention.LayerNorm", a.integers("normalized_shape"), a.number("eps", 1e-5));
            List<Parameter> list = s.parameters(ln);
            requireCount(list, 2, "LayerNorm");
            return layer(ln, in, Map.of("weight", load(list.get(0), input(in, "weight"), "LayerNorm weight"),
                    "bias", load(list.get(1), input(in, "bias"), "LayerNorm bias")));
        });

        // 01-autodiff: Value's operations on scalars; the forward is given, the backward is the student's
        for (String op : List.of("add", "sub", "mul", "div", "neg", "pow", "log", "exp", "tanh", "relu", "sigmoid")) {
            OPS.put("scalar_" + op, new TensorAdapter("autodiff.Value", true, (s, in, a) -> scalar(s, op, in, a)));
        }
    }

    // ---------------------------------------------------------------- building blocks

    private static void loss(String op, String className) {
        tensorOp(op, className, (s, in, a) -> loss(s.construct(className, reduction(a)), in));
    }

    private static void adam(String op, String className) {
        OPS.put(op, new OptimizerAdapter(className, (s, ps, a) -> {
            a.require(!a.flag("amsgrad", false), "amsgrad");
            double[] betas = a.numbers("betas");
            return s.construct(className, ps, a.number("lr"), betas[0], betas[1], a.number("eps", 1e-8),
                    a.number("weight_decay", 0));
        }));
    }

    /** A pooling stride; PyTorch's default is the kernel size. */
    private static int[] stride(CaseAttrs a) {
        return a.values().containsKey("stride") ? a.integers("stride") : a.integers("kernel_size");
    }

    private static Reduction reduction(CaseAttrs a) {
        return Reduction.parse(a.text("reduction"));
    }

    static Tensor input(Map<String, Tensor> inputs, String name) {
        Tensor t = inputs.get(name);
        if (t == null) {
            throw new VectorFormatException("the case has no input \"" + name + "\"");
        }
        return t;
    }

    /** Copies a case's tensor into a student parameter, whose shape must be PyTorch's. */
    private static Parameter load(Parameter p, Tensor value, String what) {
        if (!p.value().sameShape(value)) {
            throw new Student.BadResult(what + " has shape " + Arrays.toString(p.value().shape()) + ", expected "
                    + Arrays.toString(value.shape()) + " (PyTorch's layout)");
        }
        p.value().copyFrom(value);
        return p;
    }

    private static void requireCount(List<Parameter> ps, int count, String module) {
        if (ps.size() != count) {
            throw new Student.BadResult(module + ".parameters() must return " + count + " parameters, returned "
                    + ps.size());
        }
    }

    /** weight() and bias() of a Linear/Conv layer; a case without bias sets the student's bias to 0. */
    private static Map<String, Parameter> weightAndBias(Student s, Object layer, Map<String, Tensor> in, String name) {
        Map<String, Parameter> ps = new LinkedHashMap<>();
        ps.put("weight", load(s.parameter(layer, "weight"), input(in, "weight"), name + " weight"));
        Parameter bias = s.parameter(layer, "bias");
        if (in.containsKey("bias")) {
            ps.put("bias", load(bias, in.get("bias"), name + " bias"));
        } else {
            bias.value().fill(0.0);
        }
        return ps;
    }

    /** [weight_ih, weight_hh, bias_ih, bias_hh] of a recurrent module, loaded from w_ih, w_hh, b_ih, b_hh. */
    private static Map<String, Parameter> recurrentWeights(Student s, Object module, Map<String, Tensor> in) {
        List<Parameter> list = s.parameters(module);
        String cls = module.getClass().getSimpleName();
        requireCount(list, 4, cls);
        Map<String, Parameter> ps = new LinkedHashMap<>();
        String[] names = {"w_ih", "w_hh", "b_ih", "b_hh"};
        for (int i = 0; i < names.length; i++) {
            ps.put(names[i], load(list.get(i), input(in, names[i]), cls + " " + list.get(i).name()));
        }
        return ps;
    }

    private static Run layer(Object student, Map<String, Tensor> in, Map<String, Parameter> params) {
        Layer layer = Student.layer(student);
        Tensor x = input(in, "input");
        return module(() -> layer.forward(x.copy()), g -> {
            Map<String, Tensor> out = new LinkedHashMap<>();
            out.put("input", layer.backward(g.copy()));
            params.forEach((name, p) -> out.put(name, p.grad().copy()));
            return out;
        });
    }

    private static Run module(java.util.function.Supplier<Tensor> forward,
            java.util.function.Function<Tensor, Map<String, Tensor>> backward) {
        return new Run() {
            @Override
            public Tensor forward() {
                return forward.get();
            }

            @Override
            public Map<String, Tensor> backward(Tensor gradOutput) {
                return backward.apply(gradOutput);
            }
        };
    }

    /** The returned input gradients under the case's names, then the parameters' gradients. */
    private static Map<String, Tensor> grads(Tensor[] inputGrads, Map<String, Parameter> params, String... names) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], inputGrads[i]);
        }
        params.forEach((name, p) -> out.put(name, p.grad().copy()));
        return out;
    }

    /** A loss as a run: its output is the 0-d loss, its input gradient scaled by the 0-d grad_output. */
    private static Run loss(Object student, Map<String, Tensor> in) {
        if (!(student instanceof Loss loss)) {
            throw new Student.MissingApi(student.getClass().getName() + " must implement " + Loss.class.getName());
        }
        Tensor x = input(in, "input");
        Tensor target = input(in, "target");
        return module(() -> Tensor.scalar(loss.forward(x.copy(), target.copy())), g -> {
            Tensor dx = loss.backward();
            return Map.of("input", dx == null ? null : dx.mul(g.item()));
        });
    }

    private static Run batchNorm(Student s, Map<String, Tensor> in, CaseAttrs a) {
        Tensor x = input(in, "input");
        Object bn = s.construct("regularization.BatchNorm", x.size(1), a.number("momentum", 0.1),
                a.number("eps", 1e-5));
        List<Parameter> list = s.parameters(bn);
        requireCount(list, 2, "BatchNorm");
        Map<String, Parameter> ps = new LinkedHashMap<>();
        ps.put("weight", load(list.get(0), input(in, "weight"), "BatchNorm weight"));
        ps.put("bias", load(list.get(1), input(in, "bias"), "BatchNorm bias"));
        Tensor runningMean = s.callTensor(bn, "runningMean");
        Tensor runningVar = s.callTensor(bn, "runningVar");
        runningMean.copyFrom(input(in, "running_mean"));
        runningVar.copyFrom(input(in, "running_var"));
        Layer layer = Student.layer(bn);
        layer.setTraining(a.flag("training", true));
        Run run = layer(bn, in, ps);
        return new Run() {
            @Override
            public Tensor forward() {
                return run.forward();
            }

            @Override
            public Map<String, Tensor> backward(Tensor gradOutput) {
                return run.backward(gradOutput);
            }

            @Override
            public Map<String, Tensor> state() {
                return Map.of("running_mean", s.callTensor(bn, "runningMean").copy(), "running_var",
                        s.callTensor(bn, "runningVar").copy());
            }
        };
    }

    /** {@code a.op(b)} or {@code a.op()} on the student's Value; grads: ∂out/∂a, ∂out/∂b times grad_output. */
    private static Run scalar(Student s, String op, Map<String, Tensor> in, CaseAttrs attrs) {
        Object a = s.construct("autodiff.Value", input(in, "a").item());
        Object b = in.containsKey("b") ? s.construct("autodiff.Value", in.get("b").item()) : null;
        Object[] out = new Object[1];
        return module(() -> {
            out[0] = op.equals("pow") ? s.call(a, "pow", attrs.number("exponent"))
                    : b == null ? s.call(a, op) : s.call(a, op, b);
            return Tensor.scalar(number(s.call(out[0], "data")));
        }, g -> {
            s.call(out[0], "backward");
            Map<String, Tensor> grads = new LinkedHashMap<>();
            grads.put("a", Tensor.scalar(number(s.call(a, "grad")) * g.item()));
            if (b != null) {
                grads.put("b", Tensor.scalar(number(s.call(b, "grad")) * g.item()));
            }
            return grads;
        });
    }

    private static double number(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        throw new Student.BadResult("expected a double, got " + o);
    }

    /** The student's optimizer over the one parameter {@code p}. */
    static Optimizer optimizer(Student s, OptimizerAdapter adapter, Parameter p, CaseAttrs attrs) {
        Object built = adapter.factory().build(s, new ArrayList<>(List.of(p)), attrs);
        if (built instanceof Optimizer opt) {
            return opt;
        }
        throw new Student.MissingApi(adapter.className() + " must implement " + Optimizer.class.getName());
    }
}
