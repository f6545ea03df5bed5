#!/usr/bin/python3
"""Structural sanity check of the golden vector JSON files (no torch needed).

    /usr/bin/python3 validate_vectors.py

Checks for every case: unique "<op>/<what>" names, shape/data agreement,
finite numbers, gradients only for given inputs and with their shapes,
grad_output shaped like the output (a 0-d scalar for losses), integer class
targets, 2-d attributes as lists of two ints, batch_norm state in training
mode, 5-step optimizer trajectories, one lr per schedule epoch.
"""

import glob
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LOSSES = {"mse_loss", "l1_loss", "binary_cross_entropy",
          "binary_cross_entropy_with_logits", "cross_entropy", "multi_margin_loss"}
OPTIMIZERS = {"sgd", "rmsprop", "adagrad", "adam", "adamw"}
SCHEDULES = {"step_lr", "cosine_annealing_lr"}
INT_INPUTS = {("cross_entropy", "target"), ("multi_margin_loss", "target")}
NO_GRAD_INPUTS = {"target", "running_mean", "running_var"}
PAIR_ATTRS = {"stride", "padding", "dilation", "kernel_size", "output_padding",
              "scale_factor"}


def check_tensor(t, where, integer=False):
    assert set(t) == {"shape", "data"}, where
    shape, data = t["shape"], t["data"]
    assert all(isinstance(d, int) and d >= 0 for d in shape), where
    assert len(data) == math.prod(shape), "%s: shape %s vs %d values" % (where, shape, len(data))
    for x in data:
        if integer:
            assert isinstance(x, int) and not isinstance(x, bool), where
        else:
            assert isinstance(x, (int, float)) and math.isfinite(x), where
    return shape


def check_case(case, names):
    name, op = case["name"], case["op"]
    assert name not in names, "duplicate name " + name
    names.add(name)
    assert name.startswith(op + "/"), name
    for key, value in case["attrs"].items():
        if key in PAIR_ATTRS:
            assert isinstance(value, list) and len(value) == 2 and \
                all(isinstance(v, int) for v in value), (name, key)

    if op in SCHEDULES:
        assert case["inputs"] == {} and "grad_output" not in case, name
        lrs = case["expected"]["lrs"]
        assert len(lrs) == case["attrs"]["epochs"], name
        assert all(math.isfinite(x) for x in lrs), name
        return

    shapes = {k: check_tensor(t, "%s.inputs.%s" % (name, k), (op, k) in INT_INPUTS)
              for k, t in case["inputs"].items()}

    if op in OPTIMIZERS:
        assert "grad_output" not in case, name
        assert len(case["grads"]) == 5 and len(case["expected"]["params"]) == 5, name
        for i, t in enumerate(case["grads"] + case["expected"]["params"]):
            assert check_tensor(t, "%s.step%d" % (name, i)) == shapes["param"], name
        return

    out_shape = check_tensor(case["expected"]["output"], name + ".output")
    go_shape = check_tensor(case["grad_output"], name + ".grad_output")
    assert go_shape == out_shape, name
    if op in LOSSES:
        assert out_shape == [], name
    grads = case["expected"]["grad"]
    wanted = {k for k in case["inputs"]
              if k not in NO_GRAD_INPUTS and (op, k) not in INT_INPUTS}
    assert set(grads) == wanted, (name, sorted(grads), sorted(wanted))
    for k, t in grads.items():
        assert check_tensor(t, "%s.grad.%s" % (name, k)) == shapes[k], (name, k)
    if op == "batch_norm" and case["attrs"]["training"]:
        state = case["expected"]["state"]
        for k in ("running_mean", "running_var"):
            assert check_tensor(state[k], name + ".state." + k) == shapes[k], name


def main():
    files = sorted(glob.glob(os.path.join(HERE, "*.json")))
    assert files, "no JSON files next to " + __file__
    names, total_cases, total_bytes = set(), 0, 0
    for path in files:
        with open(path) as f:
            doc = json.load(f)
        assert set(doc) == {"generator", "cases"}, path
        assert "torch 1.13." in doc["generator"], path
        for case in doc["cases"]:
            check_case(case, names)
        size = os.path.getsize(path)
        total_cases += len(doc["cases"])
        total_bytes += size
        print("%-24s %3d cases %8d bytes  ok" % (os.path.basename(path), len(doc["cases"]), size))
    print("%-24s %3d cases %8d bytes" % ("total", total_cases, total_bytes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
