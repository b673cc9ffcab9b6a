"""The retrain-stages yardstick from Python: the same 20,000 x 17 LCG data and booster parameters as
benchmarks/Alpha.Benchmarks/Training/XGBoostYardstick.cs, one thread, 300 rounds; prints the median of 7 timings.

    /usr/bin/python3 benchmarks/python/xgb_yardstick.py
"""
import statistics
import time

import numpy as np
import xgboost as xgb

ROWS, COLUMNS = 20_000, 17
MASK = (1 << 64) - 1


def data():
    state = 7
    values = np.empty(ROWS * (COLUMNS + 1))
    for i in range(values.size):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        values[i] = (state >> 11) * (1.0 / 9007199254740992.0)
    table = (2 * values - 1).reshape(ROWS, COLUMNS + 1)
    x = table[:, :COLUMNS].astype(np.float32)
    # The label uses the float32 features, as the C# side does.
    y = (x[:, 0].astype(np.float64) + 0.5 * x[:, 1].astype(np.float64) + table[:, COLUMNS] > 0.5).astype(np.float32)
    return x, y


def main():
    x, y = data()
    params = dict(objective="binary:logistic", eta=0.05, max_depth=4, subsample=0.8, colsample_bytree=0.8,
                  min_child_weight=1, **{"lambda": 1, "alpha": 0}, tree_method="hist", seed=42, nthread=1)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        xgb.train(params, xgb.DMatrix(x, label=y, nthread=1), 300)
        times.append((time.perf_counter() - start) * 1000)
    print(f"xgboost {xgb.__version__} yardstick: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms")


if __name__ == "__main__":
    main()
