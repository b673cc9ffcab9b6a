#!/usr/bin/python3
"""Golden values for Alpha.Training's DirectionMetrics (the direction model's cross-fitted metrics), computed with
Debian's scikit-learn:

- log loss: sklearn.metrics.log_loss(y, p, labels=[0, 1, 2]) (eps 'auto': float64's machine epsilon; p clipped to
  [eps, 1 - eps] and each row renormalised);
- one-vs-rest AUC per class: sklearn.metrics.roc_auc_score(y == c, p[:, c]);
- accuracy: sklearn.metrics.accuracy_score(y, argmax p) (the first class on ties, as numpy.argmax);
- confusion matrix: sklearn.metrics.confusion_matrix(y, argmax p, labels=[0, 1, 2]);
- the class-frequency baseline: log_loss of every row predicting the class shares, and the majority share.

Cases: Dirichlet probabilities with labels drawn from them (informative), the same with a near-zero true-class
probability, and rows with ties. Rows are normalised in float64 before writing, as the booster's softmax gives them.

Run: /usr/bin/python3 generate_direction_metrics_golden.py > direction_metrics_golden.json (Debian's python3-sklearn).
"""
import json

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, log_loss, roc_auc_score


def case(name, y, p):
    p = p / p.sum(axis=1, keepdims=True)
    predicted = np.argmax(p, axis=1)
    shares = np.bincount(y, minlength=3) / len(y)
    return {
        "name": name,
        "labels": [int(v) for v in y],
        "probabilities": [float(v) for v in p.ravel()],
        "log_loss": float(log_loss(y, p, labels=[0, 1, 2])),
        "baseline_log_loss": float(log_loss(y, np.tile(shares, (len(y), 1)), labels=[0, 1, 2])),
        "accuracy": float(accuracy_score(y, predicted)),
        "baseline_accuracy": float(shares.max()),
        "auc": [float(roc_auc_score(y == c, p[:, c])) for c in range(3)],
        "confusion_matrix": confusion_matrix(y, predicted, labels=[0, 1, 2]).tolist(),
    }


rng = np.random.default_rng(20261208)
p = rng.dirichlet([2.0, 3.0, 2.0], size=400)
y = np.array([rng.choice(3, p=row) for row in p])
cases = [case("dirichlet", y, p)]

q = p.copy()
q[0] = [1e-18, 0.5, 0.5] if y[0] == 0 else q[0]
q[1, y[1]] = 1e-18
cases.append(case("near_zero_true_class", y, q))

t = rng.dirichlet([1.0, 1.0, 1.0], size=60)
t[:20] = [1 / 3, 1 / 3, 1 / 3]
t[20:30] = [0.4, 0.4, 0.2]
yt = rng.integers(0, 3, size=60)
cases.append(case("ties", yt, t))

print(json.dumps({"sklearn": __import__("sklearn").__version__, "cases": cases}))
