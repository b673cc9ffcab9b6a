#!/usr/bin/python3
"""Golden folds of scikit-learn's TimeSeriesSplit for TimeSeriesSplitTests.

Run with Debian's system interpreter (python3-sklearn 1.2.1):
    /usr/bin/python3 tests/Alpha.CrossValidation.Tests/TestData/generate_time_series_split.py
Writes time_series_split.json beside this script: one case per argument set, each with every fold's train and
test indices exactly as sklearn.model_selection.TimeSeriesSplit(...).split(X) yields them.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.model_selection import TimeSeriesSplit

CASES = [
    dict(n_samples=6, n_splits=5, test_size=None, gap=0, max_train_size=None),
    dict(n_samples=12, n_splits=3, test_size=None, gap=0, max_train_size=None),
    dict(n_samples=12, n_splits=3, test_size=2, gap=0, max_train_size=None),
    dict(n_samples=12, n_splits=3, test_size=2, gap=2, max_train_size=None),
    dict(n_samples=13, n_splits=4, test_size=None, gap=1, max_train_size=3),
    dict(n_samples=100, n_splits=5, test_size=None, gap=0, max_train_size=None),
    dict(n_samples=100, n_splits=7, test_size=9, gap=3, max_train_size=20),
    dict(n_samples=1000, n_splits=10, test_size=None, gap=24, max_train_size=None),
    dict(n_samples=1001, n_splits=2, test_size=None, gap=0, max_train_size=100),
]

cases = []
for case in CASES:
    tss = TimeSeriesSplit(n_splits=case["n_splits"], test_size=case["test_size"], gap=case["gap"],
                          max_train_size=case["max_train_size"])
    folds = [dict(train=train.tolist(), test=test.tolist())
             for train, test in tss.split(np.zeros((case["n_samples"], 1)))]
    cases.append(dict(case, folds=folds))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "time_series_split.json")
with open(out, "w") as f:
    json.dump(dict(generator=f"scikit-learn {sklearn.__version__}", cases=cases), f, separators=(",", ":"))
    f.write("\n")
