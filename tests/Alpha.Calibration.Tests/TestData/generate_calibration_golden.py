#!/usr/bin/python3
"""Golden outputs of scikit-learn 1.2.1 (Debian python3-sklearn) for Alpha.Calibration's parity tests.

Run with Debian's system interpreter:
    /usr/bin/python3 tests/Alpha.Calibration.Tests/TestData/generate_calibration_golden.py
Inputs come from golden_inputs.py (re-created bit for bit by GoldenInputs.cs); this writes only outputs to
calibration_golden.json (NaN written as null): IsotonicRegression thresholds and predictions for every option, _sigmoid_calibration's
(A, B), roc_auc_score, average_precision_score, brier_score_loss, log_loss and calibration_curve. The
torchmetrics ECE goldens are in generate_ece_golden.py (needs python3-torch).
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.calibration import _sigmoid_calibration, calibration_curve
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_inputs import inputs  # noqa: E402

ISOTONIC_CASES = [
    dict(name="one-point", n=1, seed=1),
    dict(name="two-points", n=2, seed=2),
    dict(name="small", n=7, seed=3),
    dict(name="ties", n=60, seed=4, tie_decimals=1),
    dict(name="ties-weighted", n=200, seed=5, tie_decimals=1, weights="small-integers"),
    dict(name="signed-weights", n=300, seed=6, weights="signed"),
    dict(name="decreasing", n=500, seed=7, slope=-1.0, increasing=False),
    dict(name="auto-decreasing", n=500, seed=8, slope=-0.5, increasing="auto"),
    dict(name="auto-increasing", n=500, seed=9, slope=0.3, increasing="auto"),
    dict(name="auto-constant-x", n=20, seed=10, tie_decimals=0, increasing="auto"),
    dict(name="bounded", n=1000, seed=11, y_min=-1.0, y_max=2.5),
    dict(name="bounded-decreasing-weighted", n=1000, seed=12, slope=-1.0, increasing=False, y_min=-3.0, y_max=0.5, weights="positive"),
    dict(name="clip", n=2000, seed=13, out_of_bounds="clip"),
    dict(name="nan", n=2000, seed=14, out_of_bounds="nan", tie_decimals=2),
    dict(name="raise", n=2000, seed=15, out_of_bounds="raise"),
    dict(name="large", n=100000, seed=16, tie_decimals=3, weights="positive", out_of_bounds="clip"),
]

METRIC_CASES = [
    dict(name="tiny", n=6, seed=21, edge_probabilities=True),
    dict(name="ties", n=500, seed=22, tie_decimals=1, edge_probabilities=True),
    dict(name="continuous", n=5000, seed=23),
    dict(name="weighted", n=3000, seed=24, tie_decimals=2, weights="positive", edge_probabilities=True),
    dict(name="zero-weights", n=3000, seed=25, tie_decimals=2, weights="small-integers"),
    dict(name="large", n=100000, seed=26, tie_decimals=3),
]

SIGMOID_CASES = [
    dict(name="n10", n=10, seed=31),
    dict(name="n200", n=200, seed=32),
    dict(name="n5000", n=5000, seed=33),
    dict(name="weighted", n=2000, seed=34, weights="positive"),
    dict(name="ties", n=1000, seed=35, tie_decimals=1),
]


def queries(x):
    lo, hi = min(x), max(x)
    span = hi - lo if hi > lo else 1.0
    grid = np.linspace(lo - 0.25 * span, hi + 0.25 * span, 201)
    return np.concatenate([grid, np.asarray(x[:50])]).tolist()


def isotonic_case(case):
    x, y, _, _, w = inputs(case)
    options = dict(increasing=case.get("increasing", True), y_min=case.get("y_min"), y_max=case.get("y_max"),
                   out_of_bounds=case.get("out_of_bounds", "nan"))
    model = IsotonicRegression(**options).fit(x, y, sample_weight=w)
    q = queries(x)
    if options["out_of_bounds"] == "raise":
        q = [v for v in q if model.X_min_ <= v <= model.X_max_]
    return dict(case, queries=q, increasing_fitted=bool(model.increasing_), x_min=model.X_min_, x_max=model.X_max_,
                x_thresholds=model.X_thresholds_.tolist(), y_thresholds=model.y_thresholds_.tolist(),
                predictions=[None if np.isnan(v) else v for v in model.predict(q).tolist()])


def metric_case(case):
    x, _, labels, p, w = inputs(case)
    out = dict(case)
    out["roc_auc"] = roc_auc_score(labels, x, sample_weight=w)
    out["average_precision"] = average_precision_score(labels, x, sample_weight=w)
    out["brier"] = brier_score_loss(labels, p, sample_weight=w)
    out["log_loss"] = log_loss(labels, p, sample_weight=w)
    out["log_loss_eps_1e-6"] = log_loss(labels, p, sample_weight=w, eps=1e-6)
    curves = {}
    for strategy in ("uniform", "quantile"):
        for bins in (2, 5, 10, 20):
            prob_true, prob_pred = calibration_curve(labels, p, n_bins=bins, strategy=strategy)
            curves[f"{strategy}-{bins}"] = dict(prob_true=prob_true.tolist(), prob_pred=prob_pred.tolist())
    out["calibration_curve"] = curves
    return out


def sigmoid_case(case):
    x, _, labels, _, w = inputs(case)
    a, b = _sigmoid_calibration(np.asarray(x), np.asarray(labels), None if w is None else np.asarray(w))
    return dict(case, a=float(a), b=float(b))


golden = dict(
    generator=f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    isotonic=[isotonic_case(c) for c in ISOTONIC_CASES],
    metrics=[metric_case(c) for c in METRIC_CASES],
    sigmoid=[sigmoid_case(c) for c in SIGMOID_CASES],
)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration_golden.json"), "w") as f:
    json.dump(golden, f, separators=(",", ":"))
    f.write("\n")
