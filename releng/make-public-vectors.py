#!/usr/bin/python3
"""Writes exercises/<id>/vectors/public.json: the public test vectors students self-check against.

Every case except 01-autodiff's is copied verbatim from the PyTorch golden vectors in
bundles/org.gradlab.engine.tests/vectors/ (PyTorch 1.13, float64): a few small cases per op of
the exercise, chosen by name below, limited to what the student classes support (e.g. no centered
RMSprop, no sequence LSTM). 01-autodiff's scalar cases (one per Value operation and input, on 0-d
tensors) and 02-mlp-backprop's networks are computed here with torch's autograd in float64.
Deterministic: running it twice gives byte-identical files.

    /usr/bin/python3 releng/make-public-vectors.py        # Debian's python3 sees python3-torch
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "bundles", "org.gradlab.engine.tests", "vectors")

# exercise -> golden file -> case names (order kept in the output)
SUBSETS = {
    "03-activations": {"activations.json": [
        "relu/2d", "relu/batch1_1d",
        "sigmoid/2d", "sigmoid/pm800",
        "tanh/2d", "tanh/pm800",
        "leaky_relu/default_slope", "leaky_relu/slope0.2_4d",
        "elu/alpha1", "elu/alpha2_batch1",
        "prelu/2d_per_channel", "prelu/4d_per_channel", "prelu/2d_shared_weight_batch1",
        "softmax/2d_dim1", "softmax/3d_dim0", "softmax/pm1000_dim-1",
        "log_softmax/2d_dim0", "log_softmax/3d_dim-1", "log_softmax/pm1000_dim-1",
        "maxout/k2", "maxout/k3",
    ]},
    "04-losses": {"losses.json": [
        "mse_loss/mean_2d", "mse_loss/sum_3d",
        "l1_loss/mean_2d", "l1_loss/sum_batch1",
        "binary_cross_entropy/mean_hard_targets", "binary_cross_entropy/sum_soft_targets",
        "binary_cross_entropy_with_logits/mean_soft_targets", "binary_cross_entropy_with_logits/sum_pm100_pm1000",
        "cross_entropy/mean_4x5", "cross_entropy/sum_4x5", "cross_entropy/mean_pm1000",
        "multi_margin_loss/mean_margin1", "multi_margin_loss/sum_margin0.5",
    ]},
    "05-fully-connected": {"linear.json": [
        "linear/2d", "linear/3d_leading_dims", "linear/batch1", "linear/no_bias",
    ]},
    "06-optimizers": {"optimizers.json": [
        "sgd/plain", "sgd/momentum0.9_dampening0.1", "sgd/nesterov", "sgd/momentum_weight_decay",
        "rmsprop/plain", "rmsprop/momentum0.9",
        "adagrad/plain", "adagrad/lr_decay0.1",
        "adam/plain", "adam/weight_decay0.1", "adam/betas0.8_0.9_eps1e-6",
        "adamw/default_weight_decay0.01", "adamw/weight_decay0.1_lr0.05",
    ]},
    "07-convolution": {
        "conv2d.json": ["conv2d/batch1", "conv2d/dilation2_p2", "conv2d/groups2", "conv2d/no_bias"],
        "conv_transpose2d.json": ["conv_transpose2d/s1p0", "conv_transpose2d/s2p1_op1",
                                  "conv_transpose2d/k4s2p1_batch1_no_bias"],
        "upsample.json": ["upsample_nearest2d/x2", "upsample_nearest2d/x3x2"],
    },
    "08-pooling": {"pooling.json": [
        "max_pool2d/k2s2", "max_pool2d/k3s2_overlapping", "max_pool2d/k3s2p1",
        "avg_pool2d/k2s2", "avg_pool2d/k3s2p1_include_pad", "avg_pool2d/k3s2p1_exclude_pad",
    ]},
    "10-regularization": {"normalization.json": [
        "batch_norm/train_2d", "batch_norm/train_4d_batch2", "batch_norm/eval_2d",
    ]},
    "11-recurrent": {"recurrent.json": [
        "rnn_tanh_cell/n3_i4_h5", "rnn_tanh_cell/batch1_i2_h3",
        "lstm_cell/n2_i3_h4", "lstm_cell/batch1_i5_h2",
        "rnn_tanh/t4_n2_i3_h4", "rnn_tanh/t1_batch1_i2_h3",
    ]},
    "12-attention": {
        "attention.json": ["scaled_dot_product_attention/3d_L3_S4_E4_Ev5",
                           "scaled_dot_product_attention/3d_causal_L4",
                           "scaled_dot_product_attention/4d_heads2_L3_S4",
                           "multi_head_attention/heads2_L3_S4_E4", "multi_head_attention/heads2_causal_L4_E4"],
        "normalization.json": ["layer_norm/last1_2d", "layer_norm/last2_3d"],
    },
}

# 01-autodiff: Value's operations on scalars; (op, exponent or None, a, b or None)
SCALAR_CASES = [
    ("add", None, 1.5, -0.75), ("add", None, -2.0, 3.25),
    ("sub", None, 1.5, -0.75), ("sub", None, 0.5, 2.0),
    ("mul", None, 1.5, -0.75), ("mul", None, -3.0, 0.4),
    ("div", None, 1.5, -0.75), ("div", None, -2.0, 5.0),
    ("neg", None, 1.25, None),
    ("pow", 3.0, 1.5, None), ("pow", -0.5, 2.0, None), ("pow", 2.0, -1.25, None),
    ("log", None, 3.0, None), ("log", None, 0.25, None),
    ("exp", None, 0.5, None), ("exp", None, -2.0, None),
    ("tanh", None, 0.7, None), ("tanh", None, -1.5, None),
    ("relu", None, 0.8, None), ("relu", None, -0.6, None),
    ("sigmoid", None, 0.3, None), ("sigmoid", None, -4.0, None),
]

# 02-mlp-backprop: layer sizes n_0 ... n_L of sigmoid MLPs with a linear last layer
MLP_SIZES = [[3, 2], [3, 4, 2], [4, 5, 3, 2]]


def golden(file_name):
    with open(os.path.join(GOLDEN, file_name), encoding="utf-8") as f:
        data = json.load(f)
    return data["generator"], {c["name"]: c for c in data["cases"]}


def subset(exercise):
    cases, sources = [], []
    for file_name, names in SUBSETS[exercise].items():
        generator, by_name = golden(file_name)
        missing = [n for n in names if n not in by_name]
        if missing:
            sys.exit("%s: cases %s are not in %s" % (exercise, missing, file_name))
        cases += [by_name[n] for n in names]
        sources.append(file_name)
    torch = generator.split("; ")[1] if "; " in generator else generator
    return ("subset of the PyTorch golden vectors %s (bundles/org.gradlab.engine.tests/vectors, %s),"
            " chosen by releng/make-public-vectors.py" % (", ".join(sources), torch)), cases


def tensor(v):
    return {"shape": list(v.shape), "data": v.reshape(-1).tolist()}


def scalar_cases():
    torch = import_torch("01-autodiff")
    ops = {
        "add": lambda a, b, k: a + b, "sub": lambda a, b, k: a - b, "mul": lambda a, b, k: a * b,
        "div": lambda a, b, k: a / b, "neg": lambda a, b, k: -a, "pow": lambda a, b, k: a ** k,
        "log": lambda a, b, k: torch.log(a), "exp": lambda a, b, k: torch.exp(a), "tanh": lambda a, b, k: torch.tanh(a),
        "relu": lambda a, b, k: torch.relu(a), "sigmoid": lambda a, b, k: torch.sigmoid(a),
    }
    cases, counts = [], {}
    for op, k, a, b in SCALAR_CASES:
        inputs = {"a": torch.tensor(a, requires_grad=True)}
        if b is not None:
            inputs["b"] = torch.tensor(b, requires_grad=True)
        out = ops[op](inputs["a"], inputs.get("b"), k)
        grad_output = torch.tensor(1.0)  # Value.backward() seeds the output's gradient with 1
        out.backward(grad_output)
        counts[op] = counts.get(op, 0) + 1
        case = {"name": "scalar_%s/%d" % (op, counts[op]), "op": "scalar_" + op,
                "attrs": {} if k is None else {"exponent": k},
                "inputs": {n: tensor(t.detach()) for n, t in inputs.items()},
                "grad_output": tensor(grad_output),
                "expected": {"output": tensor(out.detach()), "grad": {n: tensor(t.grad) for n, t in inputs.items()}}}
        cases.append(case)
    return ("scalar cases of autodiff.Value's operations (GradLab ops scalar_<method> on 0-d tensors), computed with"
            " torch %s autograd in float64 by releng/make-public-vectors.py" % torch.__version__), cases


def mlp_cases():
    torch = import_torch("02-mlp-backprop")
    torch.manual_seed(2)
    cases = []
    for sizes in MLP_SIZES:
        layers = len(sizes) - 1
        inputs = {"x": torch.randn(sizes[0]), "target": torch.randn(sizes[-1])}
        params = []
        for l in range(1, layers + 1):
            bound = 1 / sizes[l - 1] ** 0.5
            a = (torch.rand(sizes[l], sizes[l - 1]) * 2 - 1) * bound
            b = (torch.rand(sizes[l]) * 2 - 1) * bound
            inputs["A%d" % l], inputs["b%d" % l] = a, b
            params += ["A%d" % l, "b%d" % l]
        for n in params:
            inputs[n].requires_grad_(True)
        y = inputs["x"]
        for l in range(1, layers + 1):
            z = inputs["A%d" % l] @ y + inputs["b%d" % l]
            y = z if l == layers else torch.sigmoid(z)
        loss = 0.5 * ((y - inputs["target"]) ** 2).sum()
        grad_output = torch.tensor(1.0)  # ManualMlp.backward() returns dE/dparam, i.e. grad_output 1
        loss.backward(grad_output)
        cases.append({"name": "manual_mlp/" + "-".join(map(str, sizes)), "op": "manual_mlp", "attrs": {},
                      "inputs": {n: tensor(t.detach()) for n, t in inputs.items()},
                      "grad_output": tensor(grad_output),
                      "expected": {"output": tensor(loss.detach()),
                                   "grad": {n: tensor(inputs[n].grad) for n in params}}})
    return ("sigmoid MLPs with a linear last layer and E = 1/2 |y_L - Y|^2 (GradLab op manual_mlp: inputs x, target,"
            " A1, b1, ...), computed with torch %s autograd in float64 by releng/make-public-vectors.py"
            % torch.__version__), cases


def import_torch(exercise):
    try:
        import torch
    except ImportError:
        sys.exit("%s needs PyTorch: apt-get install python3-torch, then run with /usr/bin/python3" % exercise)
    torch.set_default_dtype(torch.float64)
    return torch


def write(exercise, generator, cases):
    folder = os.path.join(ROOT, "exercises", exercise)
    if not os.path.isdir(folder):
        print("skipped %s (no exercise folder)" % exercise)
        return
    os.makedirs(os.path.join(folder, "vectors"), exist_ok=True)
    body = ",\n".join(json.dumps(c, allow_nan=False) for c in cases)
    with open(os.path.join(folder, "vectors", "public.json"), "w", encoding="utf-8") as f:
        f.write('{"generator": %s, "cases": [\n%s\n]}\n' % (json.dumps(generator), body))
    print("%s: %d cases" % (exercise, len(cases)))


def main():
    write("01-autodiff", *scalar_cases())
    write("02-mlp-backprop", *mlp_cases())
    for exercise in SUBSETS:
        write(exercise, *subset(exercise))


if __name__ == "__main__":
    main()
