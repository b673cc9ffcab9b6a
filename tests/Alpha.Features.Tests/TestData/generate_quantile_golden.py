#!/usr/bin/python3
"""Golden type-7 quantiles from NumPy (Debian python3-numpy) for QuantilesTests.

    /usr/bin/python3 tests/Alpha.Features.Tests/TestData/generate_quantile_golden.py
Inputs: LCG values (golden_inputs of the calibration tests use the same generator), with ties and a few sizes.
Writes quantile_golden.csv: seed, n, ties, level, value = np.quantile(x, level) (method "linear").
"""
import math
import os

import numpy as np

MULTIPLIER, INCREMENT, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def lcg(seed, n):
    state = (seed * MULTIPLIER + INCREMENT) & MASK
    out = []
    for _ in range(n):
        state = (state * MULTIPLIER + INCREMENT) & MASK
        out.append((state >> 11) * 2.0 ** -53)
    return out


rows = ["seed,n,ties,level,value"]
for seed, n, ties in [(1, 1, 0), (2, 2, 0), (3, 7, 0), (4, 100, 1), (5, 1001, 0), (6, 4096, 1), (7, 25000, 0)]:
    x = lcg(seed, n)
    if ties:
        x = [math.floor(v * 20.0) / 20.0 for v in x]
    for level in (0.0, 0.025, 0.1, 0.5, 0.9, 0.95, 0.975, 0.99, 1.0):
        rows.append(f"{seed},{n},{ties},{level!r},{float(np.quantile(np.asarray(x), level))!r}")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "quantile_golden.csv"), "w") as f:
    f.write("\n".join(rows) + "\n")
