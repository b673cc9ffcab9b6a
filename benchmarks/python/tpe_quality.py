#!/usr/bin/python3
"""TPE quality: Optuna 3.1 (Debian python3-optuna) against Alpha.Optimization on the same functions.

    dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- tpe-quality /tmp/alpha_tpe.json
    /usr/bin/python3 benchmarks/python/tpe_quality.py /tmp/alpha_tpe.json

Both run TPE with default settings (univariate, 10 start-up trials, 24 EI candidates), 30 seeds, 100 trials, on
Branin, Hartmann-6 and a noisy 2-D θ-like surface (the formulas of TestFunctions.cs), minimising. For the best
value after 50 and 100 trials the table gives both medians and the p-value of a one-sided Mann–Whitney U test
whose alternative is "Optuna's values are smaller" — p < 0.05 would be a difference in Optuna's favour.
"""
import json
import math
import sys

import numpy as np
import optuna
from scipy.stats import mannwhitneyu

optuna.logging.set_verbosity(optuna.logging.WARNING)
A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def branin(t):
    x1, x2 = t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)
    b, c, s, u = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 10, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + s * (1 - u) * math.cos(x1) + s


def hartmann6(t):
    x = np.array([t.suggest_float(f"x{i}", 0, 1) for i in range(6)])
    return float(-np.sum(ALPHA * np.exp(-np.sum(A * (x - P) ** 2, axis=1))))


def noisy_theta(t):
    a, b = t.suggest_float("theta1", 0.60, 0.85, step=0.01), t.suggest_float("theta2", 0.20, 0.45, step=0.01)
    return 2 * (a - 0.71) ** 2 + 3 * (b - 0.33) ** 2 + 0.003 * math.sin(12345.678 * a + 9876.5 * b)


ours = json.load(open(sys.argv[1]))
print(f"optuna {optuna.__version__}, 30 seeds")
print("| function | trials | Optuna median best | Alpha.Optimization median best | p (Optuna better) |")
print("|---|---:|---:|---:|---:|")
for name, f in [("branin", branin), ("hartmann6", hartmann6), ("noisy_theta", noisy_theta)]:
    b50, b100 = [], []
    for seed in range(30):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(f, n_trials=100)
        values = [t.value for t in study.trials]
        b50.append(min(values[:50]))
        b100.append(min(values))
    for trials, theirs, mine in [(50, b50, ours[name]["best50"]), (100, b100, ours[name]["best100"])]:
        p = mannwhitneyu(theirs, mine, alternative="less").pvalue
        print(f"| {name} | {trials} | {np.median(theirs):.6g} | {np.median(mine):.6g} | {p:.3f} |")
