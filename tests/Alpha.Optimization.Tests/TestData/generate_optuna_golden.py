#!/usr/bin/python3
"""Golden values from Optuna 3.1.0 (Debian python3-optuna) for Alpha.Optimization's TPE parity tests.

    /usr/bin/python3 tests/Alpha.Optimization.Tests/TestData/generate_optuna_golden.py

Writes optuna_golden.json:
- weights / gamma: optuna.samplers._tpe.sampler.default_weights(n) and default_gamma(n) for n = 0..80;
- truncnorm: _truncnorm.ppf, logpdf and _log_gauss_mass at fixed points, including far tails;
- parzen: _ParzenEstimator's weights, mus and sigmas and its log_pdf at fixed points, for univariate and
  multivariate estimators over float (plain, stepped, log), int (plain, stepped, log) and categorical
  parameters, with and without prior, magic clip and endpoints. Observations are fixed numbers written in the file.
"""
import json
import os

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe import _truncnorm
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_gamma, default_weights


def dist_json(d):
    if isinstance(d, FloatDistribution):
        return dict(kind="float", low=d.low, high=d.high, step=d.step, log=d.log)
    if isinstance(d, IntDistribution):
        return dict(kind="int", low=d.low, high=d.high, step=d.step, log=d.log)
    return dict(kind="categorical", choices=list(d.choices))


def parzen_case(name, space, observations, points, prior=True, magic=False, endpoints=False, multivariate=False):
    params = _ParzenEstimatorParameters(prior, 1.0, magic, endpoints, default_weights, multivariate)
    obs = {k: np.asarray(v, dtype=float) for k, v in observations.items()}
    pe = _ParzenEstimator(obs, space, params)
    samples = {k: np.asarray(v, dtype=float if not isinstance(space[k], CategoricalDistribution) else int) for k, v in points.items()}
    return dict(
        name=name, space={k: dist_json(d) for k, d in space.items()}, observations=observations, points=points,
        prior=prior, magic_clip=magic, endpoints=endpoints, multivariate=multivariate,
        weights=pe._weights.tolist(),
        mus={k: (None if pe._mus[k] is None else pe._mus[k].tolist()) for k in space},
        sigmas={k: (None if pe._sigmas[k] is None else pe._sigmas[k].tolist()) for k in space},
        log_pdf=pe.log_pdf(samples).tolist(),
    )


unit = {"x": FloatDistribution(-1.0, 1.0)}
cases = [
    parzen_case("issue: no observation", unit, {"x": []}, {"x": [0.0, 0.9]}),
    parzen_case("issue: one observation", unit, {"x": [0.4]}, {"x": [0.0, 0.4, -0.99]}),
    parzen_case("issue: two observations", unit, {"x": [-0.3, 0.3]}, {"x": [0.1]}),
    parzen_case("issue: two observations with endpoints", unit, {"x": [-0.3, 0.3]}, {"x": [0.1]}, endpoints=True),
    parzen_case("issue: four observations", unit, {"x": [-0.4, 0.4, 0.41, 0.42]}, {"x": [0.405]}),
    parzen_case("issue: four observations with magic clip", unit, {"x": [-0.4, 0.4, 0.41, 0.42]}, {"x": [0.405]}, magic=True),
    parzen_case("no prior", unit, {"x": [-0.5, 0.1, 0.7]}, {"x": [0.2, -0.9]}, prior=False, magic=True),
    parzen_case("stepped float", {"t": FloatDistribution(0.6, 0.85, step=0.01)}, {"t": [0.6, 0.65, 0.7, 0.72, 0.85]}, {"t": [0.6, 0.71, 0.85]}, magic=True),
    parzen_case("log float", {"lr": FloatDistribution(1e-4, 1e-1, log=True)}, {"lr": [1e-3, 3e-3, 5e-2]}, {"lr": [2e-3, 9e-2]}, magic=True),
    parzen_case("int", {"n": IntDistribution(1, 20)}, {"n": [3, 7, 7, 15]}, {"n": [1, 7, 20]}, magic=True),
    parzen_case("stepped int", {"n": IntDistribution(0, 100, step=10)}, {"n": [10, 40, 90]}, {"n": [0, 40, 100]}, magic=True),
    parzen_case("log int", {"n": IntDistribution(1, 1000, log=True)}, {"n": [2, 30, 500]}, {"n": [1, 31, 1000]}, magic=True),
    parzen_case("categorical", {"c": CategoricalDistribution(["a", "b", "c"])}, {"c": [0, 2, 2, 1]}, {"c": [0, 1, 2]}, magic=True),
    parzen_case("multivariate", {"x": FloatDistribution(-5.0, 10.0), "y": FloatDistribution(0.0, 15.0), "c": CategoricalDistribution(["p", "q"])},
                {"x": [1.0, -2.0, 9.5, 3.3], "y": [2.0, 14.0, 7.5, 0.1], "c": [0, 1, 1, 0]},
                {"x": [0.0, 9.9], "y": [5.0, 1.0], "c": [1, 0]}, magic=True, multivariate=True),
    parzen_case("many observations", {"x": FloatDistribution(0.0, 1.0)},
                {"x": [((i * 0.6180339887) % 1.0) for i in range(40)]}, {"x": [0.05, 0.5, 0.95]}, magic=True),
]

a = np.asarray([-3.0, -1.0, 0.0, 2.5, -40.0, 7.0])
b = np.asarray([3.0, 1.5, 0.5, 9.0, -39.0, 30.0])
q = np.asarray([0.5, 0.1, 0.9, 0.3, 0.7, 0.01])
x = np.asarray([0.1, -0.5, 0.2, 3.0, -39.5, 8.0])
truncnorm = dict(a=a.tolist(), b=b.tolist(), q=q.tolist(), x=x.tolist(),
                 ppf=_truncnorm.ppf(q, a, b).tolist(),
                 logpdf=_truncnorm.logpdf(x, a, b).tolist(),
                 log_gauss_mass=_truncnorm._log_gauss_mass(a, b).tolist())

golden = dict(
    generator=f"optuna {optuna.__version__}, numpy {np.__version__}",
    weights={str(n): default_weights(n).tolist() for n in range(0, 81)},
    gamma={str(n): default_gamma(n) for n in range(0, 81)},
    truncnorm=truncnorm,
    parzen=cases,
)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "optuna_golden.json"), "w") as f:
    json.dump(golden, f, indent=1)
    f.write("\n")
