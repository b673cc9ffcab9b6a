#!/usr/bin/python3
"""scikit-learn's side of IsotonicBenchmarks: fit and predict on the same 1,000,000 points.

    /usr/bin/python3 benchmarks/python/isotonic_sklearn.py
Debian's python3-sklearn 1.2.1; same LCG data as IsotonicData.cs (x = u1, y = 1 if u2 < u1). Reports the median
of 7 timed runs after one warm-up, as BenchmarkDotNet reports a central value.
"""
import statistics
import time

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression

MULTIPLIER, INCREMENT, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def data(n, seed=42):
    # The LCG of IsotonicData.cs, vectorised in chunks with exact uint64 arithmetic.
    state = np.uint64((seed * MULTIPLIER + INCREMENT) & MASK)
    out = np.empty(2 * n, dtype=np.float64)
    mul, inc = np.uint64(MULTIPLIER), np.uint64(INCREMENT)
    with np.errstate(over="ignore"):
        for i in range(2 * n):
            state = state * mul + inc
            out[i] = float(int(state) >> 11) * 2.0 ** -53
    u1, u2 = out[0::2], out[1::2]
    return u1, (u2 < u1).astype(np.float64)


def timed(f, runs=7):
    f()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


x, y = data(1_000_000)
model = IsotonicRegression(out_of_bounds="clip").fit(x, y)
fit = timed(lambda: IsotonicRegression(out_of_bounds="clip").fit(x, y))
predict = timed(lambda: model.predict(x))
print(f"scikit-learn {sklearn.__version__}: fit 1M {fit * 1e3:.1f} ms, predict 1M {predict * 1e3:.1f} ms, thresholds {len(model.X_thresholds_)}")
