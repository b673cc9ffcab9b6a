#!/usr/bin/python3
"""Golden values for Alpha.Monitoring, computed with Debian's numpy and scipy by the same definitions:

- decile edges: numpy's default (linear) quantiles at 0.1 … 0.9 of the reference sample;
- bins: numpy.digitize(x, edges, right=True) — bin 0 is (-inf, e1], bin 9 is (e9, +inf);
- PSI: sum over bins of (a - e) * ln(a / e), a and e the live and reference shares, a share of 0 taken as eps = 1e-4;
- critical value: scipy.stats.chi2.ppf(1 - alpha, bins - 1) * (1/n + 1/m), alpha = 0.05;
- mean shift: (live mean - reference mean) / reference standard deviation (numpy.std, ddof = 0);
- Wilson interval: (p + z^2/2n -/+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = scipy.stats.norm.ppf(0.975).

Run: /usr/bin/python3 generate_monitoring_golden.py > monitoring_golden.json (Debian's python3-numpy, python3-scipy).
"""
import json

import numpy as np
from scipy import stats

EPS = 1e-4
ALPHA = 0.05


def edges_of(values):
    return np.quantile(values, np.arange(1, 10) / 10.0)


def counts_of(edges, values):
    return np.bincount(np.digitize(values, edges, right=True), minlength=10)


def psi(live_counts, reference_counts):
    a = live_counts / live_counts.sum()
    e = reference_counts / reference_counts.sum()
    a = np.where(live_counts == 0, EPS, a)
    e = np.where(reference_counts == 0, EPS, e)
    return float(np.sum((a - e) * np.log(a / e)))


def case(name, reference, live):
    reference = np.asarray(reference, dtype=float)
    live = np.asarray(live, dtype=float)
    edges = edges_of(reference)
    ref_counts = counts_of(edges, reference)
    live_counts = counts_of(edges, live)
    sd = float(np.std(reference))
    return {
        "name": name,
        "reference": reference.tolist(),
        "live": live.tolist(),
        "edges": edges.tolist(),
        "reference_counts": ref_counts.tolist(),
        "live_counts": live_counts.tolist(),
        "psi": psi(live_counts, ref_counts),
        "critical": float(stats.chi2.ppf(1 - ALPHA, 9) * (1.0 / len(live) + 1.0 / len(reference))),
        "reference_mean": float(np.mean(reference)),
        "reference_sd": sd,
        "mean_shift": float((np.mean(live) - np.mean(reference)) / sd),
    }


def wilson(successes, trials, confidence=0.95):
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    n = float(trials)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return {"successes": successes, "trials": trials, "low": float(max(0.0, centre - half)), "high": float(min(1.0, centre + half))}


rng = np.random.default_rng(20261208)
cases = [
    case("same_normal", rng.normal(0, 1, 2000), rng.normal(0, 1, 400)),
    case("shifted_normal", rng.normal(0, 1, 2000), rng.normal(0.6, 1.3, 400)),
    case("heavy_tails", rng.standard_t(3, 1500), rng.standard_t(3, 250) * 2.0),
    case("ties", rng.integers(0, 5, 1000).astype(float), rng.integers(0, 7, 300).astype(float)),
    case("empty_bins", rng.uniform(0, 1, 1000), rng.uniform(0.95, 1.2, 150)),
    case("probabilities", rng.beta(2, 5, 3000), rng.beta(3, 4, 500)),
]
intervals = [wilson(0, 10), wilson(7, 10), wilson(31, 60), wilson(120, 200), wilson(199, 200), wilson(1000, 1000)]
print(json.dumps({"cases": cases, "wilson": intervals}, indent=1))
