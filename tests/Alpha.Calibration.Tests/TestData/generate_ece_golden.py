#!/usr/bin/python3
"""Golden binary calibration errors computed with PyTorch (Debian python3-torch) by torchmetrics' algorithm.

torchmetrics itself is not packaged in Debian, so this script runs the body of torchmetrics'
`_binning_bucketize` and `_ce_compute` (BinaryCalibrationError, norm l1 / l2 / max, debias off) on real torch
tensors: torch.bucketize(right=True), scatter_add_ sums, torch.sum / torch.max. The bin edges are passed
explicitly as the doubles nearest i/n (torchmetrics accepts a `bin_boundaries` tensor): torch.linspace's float64
rounding depends on its vectorised kernel. One deliberate change, from DESIGN.md § 5: a probability of exactly
1.0 goes to the last bin, where torchmetrics would give it a bin of its own past the end.

    /usr/bin/python3 tests/Alpha.Calibration.Tests/TestData/generate_ece_golden.py
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_inputs import inputs  # noqa: E402

CASES = [
    dict(name="tiny", n=6, seed=21, edge_probabilities=True),
    dict(name="edges", n=500, seed=22, tie_decimals=1, edge_probabilities=True),
    dict(name="continuous", n=5000, seed=23),
    dict(name="large", n=100000, seed=26, tie_decimals=3, edge_probabilities=True),
]


def calibration_error(p, y, n_bins, norm):
    confidences = torch.tensor(p, dtype=torch.float64)
    accuracies = torch.tensor(y, dtype=torch.float64)
    bin_boundaries = torch.tensor([i / n_bins for i in range(n_bins + 1)], dtype=torch.float64)
    indices = torch.bucketize(confidences, bin_boundaries, right=True) - 1
    indices = torch.clamp(indices, max=n_bins - 1)  # DESIGN.md: p = 1.0 in the last bin
    count_bin = torch.zeros(n_bins, dtype=torch.float64).scatter_add_(0, indices, torch.ones_like(confidences))
    conf_bin = torch.nan_to_num(torch.zeros(n_bins, dtype=torch.float64).scatter_add_(0, indices, confidences) / count_bin)
    acc_bin = torch.nan_to_num(torch.zeros(n_bins, dtype=torch.float64).scatter_add_(0, indices, accuracies) / count_bin)
    prop_bin = count_bin / count_bin.sum()
    if norm == "l1":
        return float(torch.sum(torch.abs(acc_bin - conf_bin) * prop_bin))
    if norm == "max":
        return float(torch.max(torch.abs(acc_bin - conf_bin)))
    ce = torch.sum(torch.pow(acc_bin - conf_bin, 2) * prop_bin)
    return float(torch.sqrt(ce)) if ce > 0 else 0.0


cases = []
for case in CASES:
    _, _, labels, p, _ = inputs(case)
    values = {f"{norm}-{bins}": calibration_error(p, labels, bins, norm) for norm in ("l1", "l2", "max") for bins in (2, 10, 15, 20)}
    cases.append(dict(case, ece=values))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ece_golden.json"), "w") as f:
    json.dump(dict(generator=f"torch {torch.__version__} running torchmetrics' BinaryCalibrationError algorithm", cases=cases), f, separators=(",", ":"))
    f.write("\n")
