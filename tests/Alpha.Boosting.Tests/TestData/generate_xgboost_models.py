#!/usr/bin/python3
"""XGBoost JSON models with XGBoost's own predictions, for Alpha.Boosting's parity tests.

    /usr/bin/python3 tests/Alpha.Boosting.Tests/TestData/generate_xgboost_models.py

Debian's python3-xgboost 1.7.4. For each case: xgboost/<name>.json (Booster.save_raw("json")) and
xgboost/<name>.csv with the evaluation rows (features, empty = missing) followed by XGBoost's margins
(predict(output_margin=True)) and outputs (predict()), one column per output. Data come from numpy's seeded
generator, rounded to float32 (what XGBoost reads); about 8 % of the values are missing so default directions
are exercised.
"""
import os

import numpy as np
import pandas as pd
import xgboost as xgb

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "xgboost")
rng = np.random.default_rng(20261121)


def data(n, features, missing=0.08):
    x = rng.normal(size=(n, features))
    x[rng.random(x.shape) < missing] = np.nan
    # XGBoost reads float32: rounding here makes the CSV (9 significant digits) reproduce its inputs exactly.
    return x.astype(np.float32).astype(np.float64)


def signal(x):
    z = np.nan_to_num(x)
    return 1.2 * z[:, 0] - 0.8 * z[:, 1] + 0.5 * z[:, 2] * z[:, 3]


def save(name, booster, dtest, x_test):
    os.makedirs(HERE, exist_ok=True)
    with open(os.path.join(HERE, f"{name}.json"), "wb") as f:
        f.write(booster.save_raw("json"))
    margins = np.atleast_2d(booster.predict(dtest, output_margin=True).T).T
    outputs = np.atleast_2d(booster.predict(dtest).T).T
    if margins.ndim == 1 or margins.shape[0] != x_test.shape[0]:
        margins = margins.reshape(x_test.shape[0], -1)
    outputs = outputs.reshape(x_test.shape[0], -1)
    frame = pd.DataFrame(np.asarray(x_test, dtype=np.float64), columns=[f"f{i}" for i in range(x_test.shape[1])])
    for c in range(margins.shape[1]):
        frame[f"margin{c}"] = margins[:, c].astype(np.float64)
    for c in range(outputs.shape[1]):
        frame[f"output{c}"] = outputs[:, c].astype(np.float64)
    frame.to_csv(os.path.join(HERE, f"{name}.csv"), index=False, float_format="%.9g", na_rep="")


def train(name, params, y_of, rounds=30, features=6, n=600, categorical=None):
    x, x_test = data(n, features), data(200, features)
    y, _ = y_of(x), None
    if categorical is None:
        dtrain, dtest = xgb.DMatrix(x, label=y, missing=np.nan), xgb.DMatrix(x_test, missing=np.nan)
    else:
        def frame(v):
            f = pd.DataFrame(v, columns=[f"f{i}" for i in range(features)])
            for c in categorical:
                codes = np.where(np.isnan(v[:, c]), np.nan, np.floor(np.abs(v[:, c]) * 3) % 7)
                f[f"f{c}"] = pd.Categorical(codes, categories=[float(k) for k in range(7)])
            return f
        ftrain, ftest = frame(x), frame(x_test)
        y = y_of(np.column_stack([ftrain[c].astype(float).values for c in ftrain.columns]))
        dtrain = xgb.DMatrix(ftrain, label=y, enable_categorical=True)
        dtest = xgb.DMatrix(ftest, enable_categorical=True)
        x_test = np.column_stack([ftest[c].astype(float).values for c in ftest.columns])
    booster = xgb.train({"seed": 7, "max_depth": 4, "eta": 0.3, **params}, dtrain, num_boost_round=rounds)
    save(name, booster, dtest, x_test)


binary = lambda x: (signal(x) + rng.normal(scale=0.5, size=len(x)) > 0).astype(float)
regression = lambda x: signal(x) + rng.normal(scale=0.3, size=len(x))
counts = lambda x: rng.poisson(np.exp(0.3 * np.clip(signal(x), -3, 3)))
classes = lambda x: np.digitize(signal(x), [-1.0, 0.0, 1.0]).astype(float)

train("binary_logistic", {"objective": "binary:logistic"}, binary)
train("binary_logistic_base_score", {"objective": "binary:logistic", "base_score": 0.3}, binary)
train("binary_logitraw", {"objective": "binary:logitraw"}, binary)
train("reg_squarederror", {"objective": "reg:squarederror", "tree_method": "hist"}, regression)
train("reg_logistic", {"objective": "reg:logistic"}, lambda x: 1 / (1 + np.exp(-signal(x))))
train("count_poisson", {"objective": "count:poisson"}, counts)
train("multi_softprob", {"objective": "multi:softprob", "num_class": 4}, classes)
train("multi_softmax", {"objective": "multi:softmax", "num_class": 4}, classes)
train("dart_binary", {"objective": "binary:logistic", "booster": "dart", "rate_drop": 0.2, "skip_drop": 0.0}, binary)
train("categorical_binary", {"objective": "binary:logistic", "tree_method": "hist", "max_cat_to_onehot": 1}, binary, categorical=[1, 4])
train("categorical_onehot_regression", {"objective": "reg:squarederror", "tree_method": "hist", "max_cat_to_onehot": 8}, regression, categorical=[2])
print("xgboost", xgb.__version__)
