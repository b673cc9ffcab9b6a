#!/usr/bin/python3
"""Golden performance statistics computed with pandas (Debian python3-pandas) for PerformanceMetricsTests.

    /usr/bin/python3 tests/Alpha.Backtesting.Tests/TestData/generate_metrics_golden.py

Daily equity curves come from the tests' 64-bit LCG (seeded; weekends skipped): E_d = E_{d-1} * (1 + r_d) with
r_d = 0.002 * (u - 0.48) + drift. The statistics follow DESIGN.md § 5 / PerformanceSummary's definitions:
years = (last bar - first bar) / 365.25 days; annual = (E_end / E_0) ** (1 / years) - 1; daily returns include the
first day against E_0; days per year = number of days / years; volatility = std(ddof=1) * sqrt(days per year);
Sharpe = mean / std * sqrt(days per year); Sortino = mean / sqrt(mean(min(r, 0)^2)) * sqrt(days per year);
MaxDD = max over days of (running max including E_0 - E) / running max; its duration = days from that peak to the
first day back at the peak (or to the last day); Calmar = annual / MaxDD.
"""
import json
import os

import numpy as np
import pandas as pd

MULTIPLIER, INCREMENT, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def lcg(seed):
    state = (seed * MULTIPLIER + INCREMENT) & MASK
    while True:
        state = (state * MULTIPLIER + INCREMENT) & MASK
        yield (state >> 11) * 2.0 ** -53


def curve(seed, days, drift, start):
    rng = lcg(seed)
    dates, equity, e = [], [], start
    day = pd.Timestamp("2015-01-05")
    while len(dates) < days:
        if day.dayofweek < 5:
            e = e * (1 + 0.002 * (next(rng) - 0.48) + drift)
            dates.append(day)
            equity.append(e)
        day += pd.Timedelta(days=1)
    return pd.Series(equity, index=pd.DatetimeIndex(dates))


def stats(series, start, first_bar, last_bar):
    years = (last_bar - first_bar) / pd.Timedelta(days=1) / 365.25
    returns = series / pd.concat([pd.Series([start]), series.iloc[:-1]]).values - 1
    per_year = len(series) / years
    mean, sd = returns.mean(), returns.std(ddof=1)
    downside = np.sqrt((returns.clip(upper=0) ** 2).mean())
    peaks = np.maximum.accumulate(np.concatenate([[start], series.values]))[1:]
    falls = (peaks - series.values) / peaks
    worst = int(np.argmax(falls))
    maxdd = float(falls[worst])
    duration = 0.0
    if maxdd > 0:
        peak = peaks[worst]
        at_peak = np.where(np.concatenate([[start], series.values])[: worst + 2] == peak)[0]
        peak_index = max(int(at_peak[-1]) - 1, 0)
        peak_day = series.index[peak_index]
        later = series[(series.index > peak_day) & (series.values >= peak)]
        end_day = later.index[0] if len(later) else series.index[-1]
        duration = float((end_day - peak_day) / pd.Timedelta(days=1))
    annual = (series.iloc[-1] / start) ** (1 / years) - 1
    return dict(years=years, days_per_year=per_year, annual=annual, volatility=sd * np.sqrt(per_year),
                sharpe=mean / sd * np.sqrt(per_year), sortino=mean / downside * np.sqrt(per_year),
                max_drawdown=maxdd, max_drawdown_days=duration, calmar=annual / maxdd)


cases = []
for seed, days, drift in [(1, 300, 0.0), (2, 800, 0.0003), (3, 1500, -0.0002)]:
    start = 1_000_000.0
    series = curve(seed, days, drift, start)
    first_bar = series.index[0] + pd.Timedelta(hours=0)
    last_bar = series.index[-1] + pd.Timedelta(hours=20)
    cases.append(dict(seed=seed, days=days, drift=drift, start=start, **stats(series, start, first_bar, last_bar)))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics_golden.json"), "w") as f:
    json.dump(dict(generator=f"pandas {pd.__version__}", cases=cases), f, indent=1)
    f.write("\n")
