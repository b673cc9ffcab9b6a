#!/usr/bin/python3
"""Golden values for Alpha.Features from statsmodels and pandas, on the deterministic synthetic pair.

    /usr/bin/python3 tests/Alpha.Features.Tests/TestData/generate_statsmodels_golden.py

Debian's python3-statsmodels 0.13.5 and python3-pandas. The pair is SyntheticPair.cs re-created bit for bit from
the same 64-bit LCG (seed 7, 1,200 bars, one segment). Columns of statsmodels_golden.csv:
- alpha, beta, sigma: statsmodels RollingOLS(log A ~ 1 + log B, window=180): params and sqrt(mse_resid);
- half_life: statsmodels OLS of Δs′ on (1, s′₋₁) over the window's 179 pairs, s′ the residual under that bar's fit,
  −ln 2 / λ capped to [0, 1800] (1800 when λ ≥ 0);
- z_ema: pandas ewm(span=10, adjust=False) of z = (log A − α − β log B) / σ;
- atr_A, atr_B: Wilder ATR(14) / close in pandas: true range, seeded with the mean of its first 14 values, then
  ewm(alpha=1/14, adjust=False) (pandas' ewm alone would lack the simple-mean seed);
- atr_spread, rsi_spread: the same Wilder recursion on |r| and on r's gains/losses, r = Δlog A − β₋₁·Δlog B.
Values before a window is full are empty.
"""
import math
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from statsmodels.regression.rolling import RollingOLS

MULTIPLIER, INCREMENT, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1
W, WILDER, CAP = 180, 14, 1800.0


class Lcg:
    def __init__(self, seed):
        self.state = (seed * MULTIPLIER + INCREMENT) & MASK

    def next(self):
        self.state = (self.state * MULTIPLIER + INCREMENT) & MASK
        return (self.state >> 11) * 2.0 ** -53


def synthetic_pair(bars, seed):
    rng = Lcg(seed)
    cols = {k: [] for k in ("high_a", "low_a", "close_a", "high_b", "low_b", "close_b")}
    b, noise = 1.0, 0.0
    for _ in range(bars):
        u1, u2, u3, u4, u5, u6 = (rng.next() for _ in range(6))
        b *= 1.0 + 0.004 * (u1 - 0.5)
        noise = 0.97 * noise + 0.004 * (u2 - 0.5)
        a = 0.5 * b + 0.2 + noise
        cols["close_a"].append(a)
        cols["close_b"].append(b)
        cols["high_a"].append(a * (1.0 + 0.002 * u3))
        cols["low_a"].append(a * (1.0 - 0.002 * u4))
        cols["high_b"].append(b * (1.0 + 0.002 * u5))
        cols["low_b"].append(b * (1.0 - 0.002 * u6))
    return pd.DataFrame(cols)


def wilder(values, first):
    """Wilder average of values[first:], seeded with the mean of its first 14 values (index first + 13)."""
    out = pd.Series(np.nan, index=values.index)
    seeded = values.iloc[first:].copy()
    seeded.iloc[WILDER - 1] = seeded.iloc[:WILDER].mean()
    out.iloc[first + WILDER - 1:] = seeded.iloc[WILDER - 1:].ewm(alpha=1.0 / WILDER, adjust=False).mean().values
    return out


def true_range(high, low, close):
    previous = close.shift(1)
    return pd.concat([high - low, (high - previous).abs(), (low - previous).abs()], axis=1).max(axis=1)


df = synthetic_pair(1200, 7)
la, lb = np.log(df.close_a), np.log(df.close_b)
fit = RollingOLS(la, sm.add_constant(lb), window=W).fit()
alpha, beta = fit.params["const"], fit.params["close_b"]
sigma = np.sqrt(fit.mse_resid)
z = (la - alpha - beta * lb) / sigma

half_life = pd.Series(np.nan, index=df.index)
for t in range(W - 1, len(df)):
    window = slice(t - W + 1, t + 1)
    s = (la.iloc[window] - alpha.iloc[t] - beta.iloc[t] * lb.iloc[window]).values
    lam = sm.OLS(np.diff(s), sm.add_constant(s[:-1])).fit().params[1]
    half_life.iloc[t] = CAP if lam >= 0 else min(max(-math.log(2) / lam, 0.0), CAP)

z_ema = pd.Series(np.nan, index=df.index)
z_ema.iloc[W - 1:] = z.iloc[W - 1:].ewm(span=10, adjust=False).mean().values
r = la.diff() - beta.shift(1) * lb.diff()

out = pd.DataFrame({
    "bar": df.index,
    "alpha": alpha, "beta": beta, "sigma": sigma, "half_life": half_life, "z_ema": z_ema,
    "atr_A": wilder(true_range(df.high_a, df.low_a, df.close_a), 1) / df.close_a,
    "atr_B": wilder(true_range(df.high_b, df.low_b, df.close_b), 1) / df.close_b,
    "atr_spread": wilder(r.abs(), W),
})
gain, loss = wilder(r.clip(lower=0), W), wilder((-r).clip(lower=0), W)
out["rsi_spread"] = np.where(loss == 0, np.where(gain == 0, 50.0, 100.0), 100.0 - 100.0 / (1.0 + gain / loss))
out.loc[gain.isna(), "rsi_spread"] = np.nan
out.to_csv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "statsmodels_golden.csv"), index=False, float_format="%.17g")
print(f"statsmodels {statsmodels.__version__}, pandas {pd.__version__}: {out.notna().sum().sum()} values")
