#!/usr/bin/python3
"""Generate PyTorch golden test vectors for the GradLab engine.

Every number in the JSON files written here is computed by PyTorch itself
(forward values by the torch op, gradients by autograd, optimizer steps by
torch.optim, learning rates by torch.optim.lr_scheduler), in float64 on CPU.

Run with the Debian Python and the Debian PyTorch package:

    apt-get install -y python3-torch
    /usr/bin/python3 generate_torch_vectors.py

The JSON files are written next to this script, one per op family.  Each
family seeds torch's RNG itself, so the output is deterministic and one family
can be changed without disturbing the others.  See README.md for the format.
"""

import json
import math
import os
import subprocess

import torch
import torch.nn.functional as F

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
DTYPE = torch.float64

torch.set_default_dtype(DTYPE)
torch.set_num_threads(1)  # fixed reduction order -> bit-identical reruns


def _debian_package_version():
    """Version of the Debian python3-torch package (torch.__version__ of the
    Debian build reports 1.13.0a0 although the package is 1.13.1)."""
    try:
        return subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
            capture_output=True, text=True, check=True).stdout.strip()
    except Exception:
        return "unknown"


GENERATOR = (
    "gradlab generate_torch_vectors.py; torch %s (Debian python3-torch %s); CPU float64"
    % (torch.__version__, _debian_package_version())
)


# --------------------------------------------------------------------------
# Serialisation helpers
# --------------------------------------------------------------------------

def T(t):
    """Tensor -> {"shape": [...], "data": [row-major values]}."""
    t = torch.as_tensor(t).detach()
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def pair(v):
    """2-d attributes are always written as a list of two ints."""
    if isinstance(v, int):
        return [v, v]
    a, b = v
    return [int(a), int(b)]


# --------------------------------------------------------------------------
# Random value helpers (all draw from torch's global, per-file seeded RNG)
# --------------------------------------------------------------------------

def randn(*shape, scale=1.0):
    return torch.randn(*shape, dtype=DTYPE) * scale


def uniform(lo, hi, *shape):
    return torch.empty(shape, dtype=DTYPE).uniform_(lo, hi)


def away_from_zero(t, gap=0.05):
    """Push values at least `gap` away from 0 (kinks of relu & co.)."""
    return torch.where(t >= 0, t + gap, t - gap)


def distinct(*shape, step=0.1):
    """Values that are pairwise at least step/2 apart (no ties for max ops)."""
    n = math.prod(shape)
    perm = torch.randperm(n).to(DTYPE)
    jitter = torch.rand(n, dtype=DTYPE) * (step / 2)
    values = perm * step + jitter - (n * step / 2)
    return values.reshape(shape)


def class_targets(n, num_classes):
    return torch.randint(0, num_classes, (n,), dtype=torch.long)


# --------------------------------------------------------------------------
# Generic case builder for differentiable ops
# --------------------------------------------------------------------------

def grad_case(name, op, attrs, inputs, forward, no_grad=(), scalar_loss=False):
    """Run `forward(**inputs)` under autograd and build one JSON case.

    Every floating-point input not listed in `no_grad` is a leaf that requires
    grad; its gradient goes to expected.grad.  `forward` may return either the
    output tensor or (output, extra) where extra is merged into "expected"
    (batch_norm uses that for the updated running statistics).
    """
    leaves = {}
    for key, value in inputs.items():
        value = value.detach().clone()
        if value.is_floating_point() and key not in no_grad:
            value.requires_grad_(True)
        leaves[key] = value
    # Record the inputs before the forward pass: batch_norm updates the
    # running statistics in place.
    recorded_inputs = {key: T(value) for key, value in leaves.items()}

    result = forward(**leaves)
    output, extra = result if isinstance(result, tuple) else (result, {})

    if scalar_loss:
        assert output.dim() == 0, name
        grad_output = uniform(0.5, 1.5)  # 0-d random scale of the loss
    else:
        grad_output = randn(*output.shape)
    output.backward(grad_output)

    grads = {}
    for key, value in leaves.items():
        if value.requires_grad:
            assert value.grad is not None, (name, key)
            grads[key] = T(value.grad)

    expected = {"output": T(output), "grad": grads}
    expected.update(extra)
    return {
        "name": name,
        "op": op,
        "attrs": attrs,
        "inputs": recorded_inputs,
        "grad_output": T(grad_output),
        "expected": expected,
    }


# --------------------------------------------------------------------------
# activations.json
# --------------------------------------------------------------------------

def activations():
    cases = []

    def unary(name, op, fn, x, attrs=None):
        cases.append(grad_case(name, op, attrs or {}, {"input": x},
                               lambda input: fn(input)))

    # relu, leaky_relu, elu: inputs kept away from the kink at 0.
    unary("relu/2d", "relu", F.relu, away_from_zero(randn(4, 5)))
    unary("relu/4d", "relu", F.relu, away_from_zero(randn(2, 3, 3, 2)))
    unary("relu/batch1_1d", "relu", F.relu, away_from_zero(randn(1, 7)))

    for name, x in [("2d", randn(3, 5)), ("3d", randn(2, 3, 4)),
                    ("batch1", randn(1, 6))]:
        unary("sigmoid/" + name, "sigmoid", torch.sigmoid, x)
        unary("tanh/" + name, "tanh", torch.tanh, x)
    extreme = torch.tensor([[-800.0, 800.0, -30.0, 30.0],
                            [0.0, -0.5, 2.0, -800.0]])
    unary("sigmoid/pm800", "sigmoid", torch.sigmoid, extreme)
    unary("tanh/pm800", "tanh", torch.tanh, extreme)

    for slope, name, x in [(0.01, "default_slope", randn(4, 5)),
                           (0.2, "slope0.2_4d", randn(2, 2, 3, 3)),
                           (1.5, "slope1.5_batch1", randn(1, 6))]:
        unary("leaky_relu/" + name, "leaky_relu",
              lambda t, s=slope: F.leaky_relu(t, negative_slope=s),
              away_from_zero(x), {"negative_slope": slope})

    for alpha, name, x in [(1.0, "alpha1", randn(4, 5, scale=2.0)),
                           (0.5, "alpha0.5_4d", randn(2, 2, 3, 3, scale=2.0)),
                           (2.0, "alpha2_batch1", randn(1, 7, scale=2.0))]:
        unary("elu/" + name, "elu",
              lambda t, a=alpha: F.elu(t, alpha=a),
              away_from_zero(x), {"alpha": alpha})

    # prelu: per-channel slope (C) or a single shared slope (1).
    for name, x, w in [
        ("4d_per_channel", randn(2, 3, 4, 3), uniform(0.05, 0.5, 3)),
        ("2d_per_channel", randn(4, 5), uniform(0.05, 0.5, 5)),
        ("4d_shared_weight", randn(2, 3, 3, 3), uniform(0.05, 0.5, 1)),
        ("2d_shared_weight_batch1", randn(1, 6), uniform(0.05, 0.5, 1)),
    ]:
        cases.append(grad_case("prelu/" + name, "prelu", {},
                               {"input": away_from_zero(x), "weight": w},
                               lambda input, weight: F.prelu(input, weight)))

    # softmax / log_softmax over dims 0, 1, -1 of 2-d and 3-d inputs.
    shapes = [("2d", (4, 5)), ("3d", (2, 3, 4))]
    for op, fn in [("softmax", F.softmax), ("log_softmax", F.log_softmax)]:
        for shape_name, shape in shapes:
            for dim in (0, 1, -1):
                cases.append(grad_case(
                    "%s/%s_dim%d" % (op, shape_name, dim), op, {"dim": dim},
                    {"input": randn(*shape, scale=2.0)},
                    lambda input, d=dim, f=fn: f(input, dim=d)))
        cases.append(grad_case(
            op + "/batch1_dim1", op, {"dim": 1}, {"input": randn(1, 6)},
            lambda input, f=fn: f(input, dim=1)))
        logits = torch.tensor([[1000.0, -1000.0, 0.0, 999.0],
                               [-1000.0, -1000.0, -999.5, 3.0],
                               [1000.0, 1000.0, -1000.0, 1000.0]])
        cases.append(grad_case(
            op + "/pm1000_dim-1", op, {"dim": -1}, {"input": logits},
            lambda input, f=fn: f(input, dim=-1)))
        cases.append(grad_case(
            op + "/pm1000_dim0", op, {"dim": 0}, {"input": logits},
            lambda input, f=fn: f(input, dim=0)))

    # maxout (GradLab op): (N, C*k) -> (N, C), max over contiguous groups of k.
    def maxout(k):
        def fn(input):
            n, ck = input.shape
            return input.view(n, ck // k, k).max(dim=2).values
        return fn

    for name, n, c, k in [("k2", 4, 3, 2), ("k3", 3, 4, 3),
                          ("k4_batch1", 1, 2, 4), ("k5_odd", 2, 3, 5)]:
        cases.append(grad_case("maxout/" + name, "maxout", {"pieces": k},
                               {"input": distinct(n, c * k)}, maxout(k)))
    return cases


# --------------------------------------------------------------------------
# losses.json
# --------------------------------------------------------------------------

def losses():
    cases = []

    def loss(name, op, attrs, inputs, fn, no_grad=("target",)):
        cases.append(grad_case(name, op, attrs, inputs, fn,
                               no_grad=no_grad, scalar_loss=True))

    for op, fn in [("mse_loss", F.mse_loss), ("l1_loss", F.l1_loss)]:
        for reduction in ("mean", "sum"):
            for shape_name, shape in [("2d", (4, 3)), ("3d", (2, 3, 4)),
                                      ("batch1", (1, 5))]:
                x = randn(*shape)
                # keep |input - target| >= 0.05 (the kink of l1 at 0)
                target = x + away_from_zero(randn(*shape))
                loss("%s/%s_%s" % (op, reduction, shape_name), op,
                     {"reduction": reduction}, {"input": x, "target": target},
                     lambda input, target, f=fn, r=reduction:
                         f(input, target, reduction=r))

    bce = F.binary_cross_entropy
    for reduction in ("mean", "sum"):
        loss("binary_cross_entropy/%s_hard_targets" % reduction,
             "binary_cross_entropy", {"reduction": reduction},
             {"input": uniform(0.05, 0.95, 4, 3),
              "target": torch.randint(0, 2, (4, 3)).to(DTYPE)},
             lambda input, target, r=reduction: bce(input, target, reduction=r))
        loss("binary_cross_entropy/%s_soft_targets" % reduction,
             "binary_cross_entropy", {"reduction": reduction},
             {"input": uniform(0.05, 0.95, 2, 3, 2),
              "target": uniform(0.0, 1.0, 2, 3, 2)},
             lambda input, target, r=reduction: bce(input, target, reduction=r))
    loss("binary_cross_entropy/mean_batch1", "binary_cross_entropy",
         {"reduction": "mean"},
         {"input": uniform(0.05, 0.95, 1, 1), "target": torch.tensor([[1.0]])},
         lambda input, target: bce(input, target, reduction="mean"))

    bcel = F.binary_cross_entropy_with_logits
    for reduction in ("mean", "sum"):
        loss("binary_cross_entropy_with_logits/%s_hard_targets" % reduction,
             "binary_cross_entropy_with_logits", {"reduction": reduction},
             {"input": randn(4, 3, scale=2.0),
              "target": torch.randint(0, 2, (4, 3)).to(DTYPE)},
             lambda input, target, r=reduction: bcel(input, target, reduction=r))
        loss("binary_cross_entropy_with_logits/%s_soft_targets" % reduction,
             "binary_cross_entropy_with_logits", {"reduction": reduction},
             {"input": randn(2, 3, 2, scale=2.0),
              "target": uniform(0.0, 1.0, 2, 3, 2)},
             lambda input, target, r=reduction: bcel(input, target, reduction=r))
    extreme_logits = torch.tensor([[100.0, -100.0, 1000.0, -1000.0],
                                   [100.0, -100.0, 1000.0, -1000.0],
                                   [1000.0, -1000.0, 0.5, -2.0]])
    extreme_targets = torch.tensor([[1.0, 0.0, 1.0, 0.0],
                                    [0.0, 1.0, 0.0, 1.0],
                                    [0.3, 0.7, 1.0, 0.0]])
    for reduction in ("mean", "sum"):
        loss("binary_cross_entropy_with_logits/%s_pm100_pm1000" % reduction,
             "binary_cross_entropy_with_logits", {"reduction": reduction},
             {"input": extreme_logits, "target": extreme_targets},
             lambda input, target, r=reduction: bcel(input, target, reduction=r))

    ce = F.cross_entropy
    for reduction in ("mean", "sum"):
        loss("cross_entropy/%s_4x5" % reduction, "cross_entropy",
             {"reduction": reduction},
             {"input": randn(4, 5, scale=2.0), "target": class_targets(4, 5)},
             lambda input, target, r=reduction: ce(input, target, reduction=r))
    loss("cross_entropy/mean_batch1", "cross_entropy", {"reduction": "mean"},
         {"input": randn(1, 3), "target": class_targets(1, 3)},
         lambda input, target: ce(input, target, reduction="mean"))
    loss("cross_entropy/sum_2_classes_7", "cross_entropy", {"reduction": "sum"},
         {"input": randn(7, 2), "target": class_targets(7, 2)},
         lambda input, target: ce(input, target, reduction="sum"))
    logits = torch.tensor([[1000.0, -1000.0, 0.0],
                           [-1000.0, 1000.0, 999.0],
                           [1000.0, 1000.0, -1000.0],
                           [-1000.0, -1000.0, -1000.0]])
    for reduction in ("mean", "sum"):
        loss("cross_entropy/%s_pm1000" % reduction, "cross_entropy",
             {"reduction": reduction},
             {"input": logits, "target": torch.tensor([1, 2, 0, 2])},
             lambda input, target, r=reduction: ce(input, target, reduction=r))

    mml = F.multi_margin_loss
    for name, n, c, margin, reduction in [("mean_margin1", 4, 5, 1.0, "mean"),
                                          ("sum_margin0.5", 3, 4, 0.5, "sum"),
                                          ("mean_margin2_batch1", 1, 6, 2.0, "mean")]:
        x = randn(n, c)
        target = class_targets(n, c)
        # stay away from the hinge kink: margin - x[y] + x[i] != 0
        hinge = margin - x.gather(1, target[:, None]) + x
        assert hinge.abs().min() > 1e-3
        loss("multi_margin_loss/" + name, "multi_margin_loss",
             {"p": 1, "margin": margin, "reduction": reduction},
             {"input": x, "target": target},
             lambda input, target, m=margin, r=reduction:
                 mml(input, target, p=1, margin=m, reduction=r))
    return cases


# --------------------------------------------------------------------------
# linear.json
# --------------------------------------------------------------------------

def linear():
    cases = []
    for name, in_shape, out_features, with_bias in [
        ("2d", (4, 5), 3, True),
        ("3d_leading_dims", (2, 3, 4), 5, True),
        ("batch1", (1, 3), 2, True),
        ("odd_7x6_to_1", (7, 6), 1, True),
        ("no_bias", (3, 4), 2, False),
        ("3d_no_bias", (2, 2, 3), 4, False),
    ]:
        in_features = in_shape[-1]
        inputs = {"input": randn(*in_shape),
                  "weight": randn(out_features, in_features,
                                  scale=1 / math.sqrt(in_features))}
        if with_bias:
            inputs["bias"] = randn(out_features, scale=0.5)
        cases.append(grad_case("linear/" + name, "linear", {}, inputs,
                               lambda input, weight, bias=None:
                                   F.linear(input, weight, bias)))
    return cases


# --------------------------------------------------------------------------
# conv2d.json
# --------------------------------------------------------------------------

def conv2d():
    cases = []
    specs = [
        # name, input shape, (C_out, kh, kw), stride, padding, dilation, groups, bias
        ("plain3x3", (2, 3, 7, 6), (4, 3, 3), 1, 0, 1, 1, True),
        ("s2p1", (2, 3, 7, 6), (4, 3, 3), 2, 1, 1, 1, True),
        ("dilation2", (2, 2, 7, 7), (3, 3, 3), 1, 0, 2, 1, True),
        ("dilation2_p2", (1, 2, 6, 5), (2, 3, 3), 1, 2, 2, 1, True),
        ("rect_k2x3_s1x2_p1x0", (2, 3, 6, 7), (4, 2, 3), (1, 2), (1, 0), 1, 1, True),
        ("1x1", (2, 5, 4, 3), (3, 1, 1), 1, 0, 1, 1, True),
        ("groups2", (2, 4, 5, 5), (6, 3, 3), 1, 1, 1, 2, True),
        ("depthwise", (2, 3, 6, 5), (6, 3, 3), 1, 1, 1, 3, True),
        ("batch1", (1, 2, 5, 6), (3, 3, 3), 1, 1, 1, 1, True),
        ("no_bias", (2, 3, 6, 6), (2, 3, 3), 2, 0, 1, 1, False),
        ("s2_uneven_drops_last_row", (2, 2, 8, 7), (3, 3, 3), 2, 0, 1, 1, True),
        ("s3_k2_gaps", (1, 2, 7, 8), (2, 2, 2), 3, 0, 1, 1, True),
    ]
    for name, in_shape, (c_out, kh, kw), stride, padding, dilation, groups, bias in specs:
        c_in = in_shape[1]
        fan_in = c_in // groups * kh * kw
        inputs = {"input": randn(*in_shape),
                  "weight": randn(c_out, c_in // groups, kh, kw,
                                  scale=1 / math.sqrt(fan_in))}
        if bias:
            inputs["bias"] = randn(c_out, scale=0.5)
        attrs = {"stride": pair(stride), "padding": pair(padding),
                 "dilation": pair(dilation), "groups": groups}
        cases.append(grad_case(
            "conv2d/" + name, "conv2d", attrs, inputs,
            lambda input, weight, bias=None, a=attrs: F.conv2d(
                input, weight, bias, stride=a["stride"], padding=a["padding"],
                dilation=a["dilation"], groups=a["groups"])))
    return cases


# --------------------------------------------------------------------------
# conv_transpose2d.json
# --------------------------------------------------------------------------

def conv_transpose2d():
    cases = []
    specs = [
        # name, input shape, (C_out, kh, kw), stride, padding, output_padding, bias
        ("s2p1_op1", (2, 3, 4, 3), (2, 3, 3), 2, 1, 1, True),
        ("s1p0", (2, 2, 4, 5), (3, 3, 3), 1, 0, 0, True),
        ("rect_k2x3_s2x1_p0x1_op1x0", (2, 3, 3, 4), (2, 2, 3), (2, 1), (0, 1), (1, 0), True),
        ("k4s2p1_batch1_no_bias", (1, 2, 3, 3), (2, 4, 4), 2, 1, 0, False),
        ("s2p0_op0", (2, 2, 3, 3), (3, 2, 2), 2, 0, 0, True),
        ("s3p1_op2", (1, 2, 3, 2), (2, 3, 3), 3, 1, 2, True),
    ]
    for name, in_shape, (c_out, kh, kw), stride, padding, output_padding, bias in specs:
        c_in = in_shape[1]
        inputs = {"input": randn(*in_shape),
                  "weight": randn(c_in, c_out, kh, kw,
                                  scale=1 / math.sqrt(c_in * kh * kw))}
        if bias:
            inputs["bias"] = randn(c_out, scale=0.5)
        attrs = {"stride": pair(stride), "padding": pair(padding),
                 "output_padding": pair(output_padding), "groups": 1,
                 "dilation": [1, 1]}
        cases.append(grad_case(
            "conv_transpose2d/" + name, "conv_transpose2d", attrs, inputs,
            lambda input, weight, bias=None, a=attrs: F.conv_transpose2d(
                input, weight, bias, stride=a["stride"], padding=a["padding"],
                output_padding=a["output_padding"], groups=a["groups"],
                dilation=a["dilation"])))
    return cases


# --------------------------------------------------------------------------
# pooling.json
# --------------------------------------------------------------------------

def pooling():
    cases = []
    max_specs = [
        # name, input shape, kernel, stride, padding
        ("k3s2_overlapping", (2, 2, 7, 6), 3, 2, 0),
        ("k2s2", (2, 3, 6, 6), 2, 2, 0),
        ("k2s2_odd_input", (2, 2, 5, 7), 2, 2, 0),
        ("k3s2p1", (2, 2, 6, 5), 3, 2, 1),
        ("rect_k2x3_s1x2_p0x1", (2, 2, 5, 6), (2, 3), (1, 2), (0, 1)),
        ("k3s1p1_batch1", (1, 3, 4, 4), 3, 1, 1),
    ]
    for name, in_shape, kernel, stride, padding in max_specs:
        attrs = {"kernel_size": pair(kernel), "stride": pair(stride),
                 "padding": pair(padding), "dilation": [1, 1], "ceil_mode": False}
        cases.append(grad_case(
            "max_pool2d/" + name, "max_pool2d", attrs,
            {"input": distinct(*in_shape)},
            lambda input, a=attrs: F.max_pool2d(
                input, a["kernel_size"], a["stride"], a["padding"],
                a["dilation"], ceil_mode=a["ceil_mode"])))

    avg_specs = [
        # name, input shape, kernel, stride, padding, count_include_pad
        ("k2s2", (2, 3, 6, 6), 2, 2, 0, True),
        ("k3s2_odd_input", (2, 2, 7, 6), 3, 2, 0, True),
        ("k3s2p1_include_pad", (2, 2, 6, 5), 3, 2, 1, True),
        ("k3s2p1_exclude_pad", (2, 2, 6, 5), 3, 2, 1, False),
        ("rect_k3x2_s2x1_p1x0_exclude_pad", (2, 2, 5, 6), (3, 2), (2, 1), (1, 0), False),
        ("k3s1p1_batch1_include_pad", (1, 2, 4, 5), 3, 1, 1, True),
        ("k3s1p1_batch1_exclude_pad", (1, 2, 4, 5), 3, 1, 1, False),
    ]
    for name, in_shape, kernel, stride, padding, include_pad in avg_specs:
        attrs = {"kernel_size": pair(kernel), "stride": pair(stride),
                 "padding": pair(padding), "count_include_pad": include_pad,
                 "ceil_mode": False}
        cases.append(grad_case(
            "avg_pool2d/" + name, "avg_pool2d", attrs,
            {"input": randn(*in_shape)},
            lambda input, a=attrs: F.avg_pool2d(
                input, a["kernel_size"], a["stride"], a["padding"],
                ceil_mode=a["ceil_mode"],
                count_include_pad=a["count_include_pad"])))
    return cases


# --------------------------------------------------------------------------
# upsample.json
# --------------------------------------------------------------------------

def upsample():
    cases = []
    for name, in_shape, scale in [("x2", (2, 3, 3, 4), (2, 2)),
                                  ("x3x2", (1, 2, 2, 3), (3, 2)),
                                  ("x2x3_odd", (2, 2, 3, 3), (2, 3)),
                                  ("x1x2_batch1", (1, 1, 3, 5), (1, 2))]:
        cases.append(grad_case(
            "upsample_nearest2d/" + name, "upsample_nearest2d",
            {"scale_factor": list(scale)}, {"input": randn(*in_shape)},
            lambda input, s=scale: F.interpolate(
                input, scale_factor=(float(s[0]), float(s[1])), mode="nearest")))
    return cases


# --------------------------------------------------------------------------
# normalization.json
# --------------------------------------------------------------------------

def normalization():
    cases = []
    bn_specs = [
        # name, input shape, training, momentum, eps
        ("train_2d", (5, 3), True, 0.1, 1e-5),
        ("train_4d", (2, 3, 4, 3), True, 0.1, 1e-5),
        ("train_2d_batch2", (2, 4), True, 0.3, 1e-3),
        ("train_4d_batch2", (2, 2, 2, 3), True, 0.5, 1e-5),
        ("train_4d_batch1", (1, 2, 3, 4), True, 0.1, 1e-5),
        ("eval_2d", (4, 3), False, 0.1, 1e-5),
        ("eval_4d", (2, 3, 3, 3), False, 0.1, 1e-3),
    ]
    for name, shape, training, momentum, eps in bn_specs:
        c = shape[1]
        inputs = {"input": randn(*shape, scale=2.0) + 0.5,
                  "weight": uniform(0.5, 1.5, c),
                  "bias": randn(c, scale=0.5),
                  "running_mean": randn(c, scale=0.5),
                  "running_var": uniform(0.5, 2.0, c)}

        def forward(input, weight, bias, running_mean, running_var,
                    training=training, momentum=momentum, eps=eps):
            out = F.batch_norm(input, running_mean, running_var, weight, bias,
                               training=training, momentum=momentum, eps=eps)
            if not training:
                return out
            # running_mean / running_var were updated in place by batch_norm
            return out, {"state": {"running_mean": T(running_mean),
                                   "running_var": T(running_var)}}

        cases.append(grad_case(
            "batch_norm/" + name, "batch_norm",
            {"training": training, "momentum": momentum, "eps": eps},
            inputs, forward, no_grad=("running_mean", "running_var")))

    ln_specs = [
        # name, input shape, number of normalized (trailing) dims, eps
        ("last1_2d", (4, 5), 1, 1e-5),
        ("last1_3d", (2, 3, 4), 1, 1e-5),
        ("last2_3d", (2, 3, 4), 2, 1e-5),
        ("last2_4d", (2, 2, 3, 3), 2, 1e-5),
        ("last1_batch1_eps1e-3", (1, 6), 1, 1e-3),
    ]
    for name, shape, ndims, eps in ln_specs:
        normalized_shape = list(shape[-ndims:])
        inputs = {"input": randn(*shape, scale=2.0) + 0.5,
                  "weight": uniform(0.5, 1.5, *normalized_shape),
                  "bias": randn(*normalized_shape, scale=0.5)}
        cases.append(grad_case(
            "layer_norm/" + name, "layer_norm",
            {"normalized_shape": normalized_shape, "eps": eps}, inputs,
            lambda input, weight, bias, ns=normalized_shape, e=eps:
                F.layer_norm(input, ns, weight, bias, eps=e)))
    return cases


# --------------------------------------------------------------------------
# recurrent.json
# --------------------------------------------------------------------------

def rnn_params(input_size, hidden_size, gates):
    s = 1 / math.sqrt(hidden_size)
    return {"w_ih": randn(gates * hidden_size, input_size, scale=s),
            "w_hh": randn(gates * hidden_size, hidden_size, scale=s),
            "b_ih": randn(gates * hidden_size, scale=s),
            "b_hh": randn(gates * hidden_size, scale=s)}


def rnn_tanh_sequence(input, hx, w_ih, w_hh, b_ih, b_hh):
    outputs = []
    h = hx
    for x_t in input.unbind(0):
        h = torch.rnn_tanh_cell(x_t, h, w_ih, w_hh, b_ih, b_hh)
        outputs.append(h)
    return torch.stack(outputs, 0)


def lstm_sequence(input, hx, cx, w_ih, w_hh, b_ih, b_hh):
    outputs = []
    h, c = hx, cx
    for x_t in input.unbind(0):
        h, c = torch.lstm_cell(x_t, (h, c), w_ih, w_hh, b_ih, b_hh)
        outputs.append(h)
    return torch.stack(outputs, 0)


def check_against_nn_module(kind, inputs, expected_output):
    """Cross-check the explicit cell loop against torch.nn.RNN / nn.LSTM."""
    input_size = inputs["input"].shape[-1]
    hidden_size = inputs["hx"].shape[-1]
    module_cls = torch.nn.RNN if kind == "rnn_tanh" else torch.nn.LSTM
    module = module_cls(input_size, hidden_size, num_layers=1, bias=True,
                        batch_first=False).to(DTYPE)
    with torch.no_grad():
        module.weight_ih_l0.copy_(inputs["w_ih"])
        module.weight_hh_l0.copy_(inputs["w_hh"])
        module.bias_ih_l0.copy_(inputs["b_ih"])
        module.bias_hh_l0.copy_(inputs["b_hh"])
        h0 = inputs["hx"].unsqueeze(0)
        if kind == "rnn_tanh":
            out, _ = module(inputs["input"], h0)
        else:
            out, _ = module(inputs["input"], (h0, inputs["cx"].unsqueeze(0)))
    assert torch.allclose(out, expected_output, rtol=1e-12, atol=1e-12), kind


def recurrent():
    cases = []
    for name, n, i, h in [("n3_i4_h5", 3, 4, 5), ("batch1_i2_h3", 1, 2, 3),
                          ("n2_i6_h2", 2, 6, 2)]:
        inputs = {"input": randn(n, i), "hx": randn(n, h, scale=0.5)}
        inputs.update(rnn_params(i, h, 1))
        cases.append(grad_case("rnn_tanh_cell/" + name, "rnn_tanh_cell", {},
                               inputs, torch.rnn_tanh_cell))

    def lstm_cell(input, hx, cx, w_ih, w_hh, b_ih, b_hh):
        h_next, c_next = torch.lstm_cell(input, (hx, cx), w_ih, w_hh, b_ih, b_hh)
        return torch.cat([h_next, c_next], dim=1)

    for name, n, i, h in [("n2_i3_h4", 2, 3, 4), ("batch1_i5_h2", 1, 5, 2),
                          ("n3_i2_h3", 3, 2, 3)]:
        inputs = {"input": randn(n, i), "hx": randn(n, h, scale=0.5),
                  "cx": randn(n, h, scale=0.5)}
        inputs.update(rnn_params(i, h, 4))
        cases.append(grad_case("lstm_cell/" + name, "lstm_cell", {},
                               inputs, lstm_cell))

    for name, t, n, i, h in [("t4_n2_i3_h4", 4, 2, 3, 4),
                             ("t1_batch1_i2_h3", 1, 1, 2, 3),
                             ("t5_n3_i2_h3", 5, 3, 2, 3)]:
        inputs = {"input": randn(t, n, i), "hx": randn(n, h, scale=0.5)}
        inputs.update(rnn_params(i, h, 1))
        case = grad_case("rnn_tanh/" + name, "rnn_tanh", {}, inputs,
                         rnn_tanh_sequence)
        check_against_nn_module("rnn_tanh", inputs,
                                rnn_tanh_sequence(**inputs))
        cases.append(case)

    for name, t, n, i, h in [("t4_n2_i3_h3", 4, 2, 3, 3),
                             ("t1_batch1_i2_h2", 1, 1, 2, 2),
                             ("t5_n2_i2_h2", 5, 2, 2, 2)]:
        inputs = {"input": randn(t, n, i), "hx": randn(n, h, scale=0.5),
                  "cx": randn(n, h, scale=0.5)}
        inputs.update(rnn_params(i, h, 4))
        case = grad_case("lstm/" + name, "lstm", {}, inputs, lstm_sequence)
        check_against_nn_module("lstm", inputs, lstm_sequence(**inputs))
        cases.append(case)
    return cases


# --------------------------------------------------------------------------
# attention.json
# --------------------------------------------------------------------------

def causal_keep_mask(L, S):
    """True where attention is allowed: key position <= query position
    (torch 2.x is_causal convention: torch.ones(L, S).tril())."""
    return torch.ones(L, S, dtype=torch.bool).tril()


def scaled_dot_product_attention(query, key, value, is_causal):
    """softmax(q k^T / sqrt(E) + causal mask) v, as F.scaled_dot_product_attention
    (torch >= 2.0) with dropout_p=0 and the default scale."""
    scores = query @ key.transpose(-2, -1) / math.sqrt(query.shape[-1])
    if is_causal:
        L, S = scores.shape[-2:]
        scores = scores.masked_fill(~causal_keep_mask(L, S), float("-inf"))
    return torch.softmax(scores, dim=-1) @ value


def multi_head_attention(query, key, value, in_proj_weight, in_proj_bias,
                         out_proj_weight, out_proj_bias, num_heads, is_causal):
    L, S, E = query.shape[1], key.shape[1], query.shape[2]
    attn_mask = ~causal_keep_mask(L, S) if is_causal else None  # True = masked
    out, _ = F.multi_head_attention_forward(
        query.transpose(0, 1), key.transpose(0, 1), value.transpose(0, 1),
        E, num_heads, in_proj_weight, in_proj_bias, None, None, False, 0.0,
        out_proj_weight, out_proj_bias, training=False, need_weights=False,
        attn_mask=attn_mask)
    return out.transpose(0, 1)


def check_mha_against_module(inputs, num_heads, is_causal, expected_output):
    """Cross-check against nn.MultiheadAttention(batch_first=True)."""
    E = inputs["query"].shape[-1]
    module = torch.nn.MultiheadAttention(E, num_heads, batch_first=True).to(DTYPE)
    module.train()  # keep the module off its inference fast path
    with torch.no_grad():
        module.in_proj_weight.copy_(inputs["in_proj_weight"])
        module.in_proj_bias.copy_(inputs["in_proj_bias"])
        module.out_proj.weight.copy_(inputs["out_proj_weight"])
        module.out_proj.bias.copy_(inputs["out_proj_bias"])
        L, S = inputs["query"].shape[1], inputs["key"].shape[1]
        mask = ~causal_keep_mask(L, S) if is_causal else None
        out, _ = module(inputs["query"], inputs["key"], inputs["value"],
                        need_weights=False, attn_mask=mask)
    assert torch.allclose(out, expected_output, rtol=1e-12, atol=1e-12)


def attention():
    cases = []
    sdpa_specs = [
        # name, query shape, key shape, value shape, is_causal
        ("3d_L3_S4_E4_Ev5", (2, 3, 4), (2, 4, 4), (2, 4, 5), False),
        ("3d_causal_L4", (2, 4, 3), (2, 4, 3), (2, 4, 3), True),
        ("3d_batch1_L2_S3", (1, 2, 3), (1, 3, 3), (1, 3, 2), False),
        ("4d_heads2_L3_S4", (2, 2, 3, 4), (2, 2, 4, 4), (2, 2, 4, 3), False),
        ("4d_heads2_causal_L4", (1, 2, 4, 3), (1, 2, 4, 3), (1, 2, 4, 3), True),
    ]
    for name, q_shape, k_shape, v_shape, is_causal in sdpa_specs:
        cases.append(grad_case(
            "scaled_dot_product_attention/" + name,
            "scaled_dot_product_attention", {"is_causal": is_causal},
            {"query": randn(*q_shape), "key": randn(*k_shape),
             "value": randn(*v_shape)},
            lambda query, key, value, c=is_causal:
                scaled_dot_product_attention(query, key, value, c)))

    mha_specs = [
        # name, N, L, S, E, num_heads, is_causal
        ("heads2_L3_S4_E4", 2, 3, 4, 4, 2, False),
        ("heads2_causal_L4_E4", 2, 4, 4, 4, 2, True),
        ("heads1_L3_S2_E3", 2, 3, 2, 3, 1, False),
        ("heads4_batch1_L3_E8", 1, 3, 3, 8, 4, False),
        ("heads3_causal_batch1_L3_E6", 1, 3, 3, 6, 3, True),
    ]
    for name, n, L, S, E, num_heads, is_causal in mha_specs:
        s = 1 / math.sqrt(E)
        inputs = {"query": randn(n, L, E), "key": randn(n, S, E),
                  "value": randn(n, S, E),
                  "in_proj_weight": randn(3 * E, E, scale=s),
                  "in_proj_bias": randn(3 * E, scale=0.2),
                  "out_proj_weight": randn(E, E, scale=s),
                  "out_proj_bias": randn(E, scale=0.2)}

        def forward(nh=num_heads, causal=is_causal, **tensors):
            return multi_head_attention(num_heads=nh, is_causal=causal, **tensors)

        case = grad_case("multi_head_attention/" + name, "multi_head_attention",
                         {"num_heads": num_heads, "is_causal": is_causal},
                         inputs, forward)
        check_mha_against_module(
            inputs, num_heads, is_causal,
            multi_head_attention(num_heads=num_heads, is_causal=is_causal,
                                 **inputs))
        cases.append(case)
    return cases


# --------------------------------------------------------------------------
# optimizers.json
# --------------------------------------------------------------------------

STEPS = 5


def optimizer_case(name, op, attrs, make_optimizer, shape):
    param0 = randn(*shape)
    grads = [randn(*shape) for _ in range(STEPS)]
    param = torch.nn.Parameter(param0.clone())
    optimizer = make_optimizer([param])
    params_after = []
    for g in grads:
        optimizer.zero_grad()
        param.grad = g.clone()
        optimizer.step()
        params_after.append(T(param.detach().clone()))
    return {"name": name, "op": op, "attrs": attrs,
            "inputs": {"param": T(param0)},
            "grads": [T(g) for g in grads],
            "expected": {"params": params_after}}


def optimizers():
    cases = []
    optim = torch.optim

    sgd_specs = [
        ("plain", dict(lr=0.1, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0)),
        ("momentum0.9", dict(lr=0.1, momentum=0.9, dampening=0.0, nesterov=False, weight_decay=0.0)),
        ("momentum0.9_dampening0.1", dict(lr=0.1, momentum=0.9, dampening=0.1, nesterov=False, weight_decay=0.0)),
        ("nesterov", dict(lr=0.1, momentum=0.9, dampening=0.0, nesterov=True, weight_decay=0.0)),
        ("weight_decay0.1", dict(lr=0.1, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.1)),
        ("momentum_weight_decay", dict(lr=0.05, momentum=0.8, dampening=0.0, nesterov=False, weight_decay=0.01)),
    ]
    for name, kw in sgd_specs:
        attrs = dict(kw, maximize=False)
        cases.append(optimizer_case(
            "sgd/" + name, "sgd", attrs,
            lambda p, kw=kw: optim.SGD(p, maximize=False, foreach=False, **kw), (2, 3)))

    rms_specs = [
        ("plain", dict(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False)),
        ("centered", dict(lr=0.01, alpha=0.9, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=True)),
        ("momentum0.9", dict(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.9, centered=False)),
        ("centered_momentum_weight_decay", dict(lr=0.005, alpha=0.95, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True)),
    ]
    for name, kw in rms_specs:
        cases.append(optimizer_case(
            "rmsprop/" + name, "rmsprop", dict(kw),
            lambda p, kw=kw: optim.RMSprop(p, foreach=False, **kw), (2, 3)))

    adagrad_specs = [
        ("plain", dict(lr=0.1, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10)),
        ("lr_decay0.1", dict(lr=0.1, lr_decay=0.1, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10)),
        ("weight_decay_initial_accumulator", dict(lr=0.05, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1, eps=1e-10)),
    ]
    for name, kw in adagrad_specs:
        cases.append(optimizer_case(
            "adagrad/" + name, "adagrad", dict(kw),
            lambda p, kw=kw: optim.Adagrad(p, foreach=False, **kw), (5,)))

    adam_specs = [
        ("adam", "plain", dict(lr=0.01, betas=[0.9, 0.999], eps=1e-8, weight_decay=0.0)),
        ("adam", "weight_decay0.1", dict(lr=0.01, betas=[0.9, 0.999], eps=1e-8, weight_decay=0.1)),
        ("adam", "betas0.8_0.9_eps1e-6", dict(lr=0.05, betas=[0.8, 0.9], eps=1e-6, weight_decay=0.0)),
        ("adamw", "default_weight_decay0.01", dict(lr=0.01, betas=[0.9, 0.999], eps=1e-8, weight_decay=0.01)),
        ("adamw", "weight_decay0.1_lr0.05", dict(lr=0.05, betas=[0.9, 0.99], eps=1e-8, weight_decay=0.1)),
    ]
    for op, name, kw in adam_specs:
        cls = optim.Adam if op == "adam" else optim.AdamW
        attrs = dict(kw, amsgrad=False)
        cases.append(optimizer_case(
            op + "/" + name, op, attrs,
            lambda p, kw=kw, cls=cls: cls(p, lr=kw["lr"], betas=tuple(kw["betas"]),
                                          eps=kw["eps"], weight_decay=kw["weight_decay"],
                                          amsgrad=False, foreach=False),
            (2, 3)))
    return cases


# --------------------------------------------------------------------------
# lr_schedules.json
# --------------------------------------------------------------------------

def schedule_case(name, op, attrs, make_scheduler):
    dummy = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([dummy], lr=attrs["lr"])
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(attrs["epochs"]):
        lrs.append(optimizer.param_groups[0]["lr"])  # lr used in this epoch
        optimizer.step()
        scheduler.step()
    return {"name": name, "op": op, "attrs": attrs, "inputs": {},
            "expected": {"lrs": lrs}}


def lr_schedules():
    sched = torch.optim.lr_scheduler
    cases = []
    for name, attrs in [
        ("step3_gamma0.1", dict(lr=0.1, step_size=3, gamma=0.1, epochs=10)),
        ("step2_gamma0.5", dict(lr=1.0, step_size=2, gamma=0.5, epochs=7)),
        ("step1_gamma0.9", dict(lr=0.05, step_size=1, gamma=0.9, epochs=6)),
    ]:
        cases.append(schedule_case(
            "step_lr/" + name, "step_lr", attrs,
            lambda opt, a=attrs: sched.StepLR(opt, a["step_size"], a["gamma"])))
    for name, attrs in [
        ("Tmax10_eta0", dict(lr=0.1, T_max=10, eta_min=0.0, epochs=11)),
        ("Tmax4_eta0.001", dict(lr=0.05, T_max=4, eta_min=0.001, epochs=5)),
        ("Tmax4_past_T_max", dict(lr=0.05, T_max=4, eta_min=0.001, epochs=12)),
    ]:
        cases.append(schedule_case(
            "cosine_annealing_lr/" + name, "cosine_annealing_lr", attrs,
            lambda opt, a=attrs: sched.CosineAnnealingLR(opt, a["T_max"], a["eta_min"])))
    return cases


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

FAMILIES = [
    # file name, seed, generator
    ("activations.json", 1, activations),
    ("losses.json", 2, losses),
    ("linear.json", 3, linear),
    ("conv2d.json", 4, conv2d),
    ("conv_transpose2d.json", 5, conv_transpose2d),
    ("pooling.json", 6, pooling),
    ("upsample.json", 7, upsample),
    ("normalization.json", 8, normalization),
    ("recurrent.json", 9, recurrent),
    ("attention.json", 10, attention),
    ("optimizers.json", 11, optimizers),
    ("lr_schedules.json", 12, lr_schedules),
]


def write_family(file_name, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names in " + file_name
    # one case per line: compact, yet readable in diffs
    body = ",\n".join(json.dumps(c, allow_nan=False) for c in cases)
    text = '{"generator": %s, "cases": [\n%s\n]}\n' % (json.dumps(GENERATOR), body)
    with open(os.path.join(OUT_DIR, file_name), "w") as f:
        f.write(text)
    return len(text)


def main():
    for file_name, seed, generate in FAMILIES:
        torch.manual_seed(seed)
        cases = generate()
        size = write_family(file_name, cases)
        print("%-24s %3d cases %8d bytes" % (file_name, len(cases), size))


if __name__ == "__main__":
    main()
