using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>The summary statistics of an equity curve and a trade list (the definitions of <see cref="PerformanceSummary"/>).</summary>
public static class PerformanceMetrics
{
    /// <summary>Computes the summary.</summary>
    /// <param name="daily">Equity at the end of each UTC day with bars, in order.</param>
    /// <param name="startingEquity">Equity before the first bar (the first daily return is relative to it).</param>
    /// <param name="firstBar">Time of the first bar.</param>
    /// <param name="lastBar">Time of the last bar.</param>
    /// <param name="trades">Completed trades.</param>
    /// <param name="exposure">Share of bars with a position open.</param>
    /// <exception cref="ArgumentException">No day, a non-positive equity, or the last bar not after the first.</exception>
    public static PerformanceSummary Compute(IReadOnlyList<DailyEquity> daily, double startingEquity, DateTime firstBar, DateTime lastBar, IReadOnlyList<Trade> trades, double exposure)
    {
        ArgumentNullException.ThrowIfNull(daily);
        ArgumentNullException.ThrowIfNull(trades);
        if (daily.Count == 0 || !(startingEquity > 0) || lastBar <= firstBar)
        {
            throw new ArgumentException("A summary needs at least one day, positive starting equity and a last bar after the first.", nameof(daily));
        }

        double years = (lastBar - firstBar).TotalDays / 365.25;
        double ending = daily[^1].Equity;
        double annual = ending > 0 ? Math.Pow(ending / startingEquity, 1 / years) - 1 : -1;
        double daysPerYear = daily.Count / years;

        var returns = new double[daily.Count];
        double previous = startingEquity;
        for (int d = 0; d < daily.Count; d++)
        {
            returns[d] = (daily[d].Equity / previous) - 1;
            previous = daily[d].Equity;
        }

        double mean = returns.Average();
        double sd = returns.Length > 1 ? Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1)) : 0;
        double downside = Math.Sqrt(returns.Sum(r => Math.Min(r, 0) * Math.Min(r, 0)) / returns.Length);
        double annualisation = Math.Sqrt(daysPerYear);
        (double maxDrawdown, double drawdownDays) = Drawdown(daily, startingEquity);

        return new PerformanceSummary(
            startingEquity,
            ending,
            years,
            daysPerYear,
            annual,
            sd * annualisation,
            sd > 0 ? mean / sd * annualisation : 0,
            downside > 0 ? mean / downside * annualisation : 0,
            maxDrawdown,
            drawdownDays,
            maxDrawdown > 0 ? annual / maxDrawdown : double.NaN,
            trades.Count,
            trades.Count / years,
            trades.Count == 0 ? double.NaN : trades.Count(t => t.Pnl > 0) / (double)trades.Count,
            trades.Count == 0 ? double.NaN : trades.Average(t => t.Pnl),
            trades.Count == 0 ? double.NaN : trades.Average(t => t.ReturnOnEquity),
            exposure);
    }

    // The largest fall from a running peak (the starting equity counts as the first peak, on the first day), and the
    // days from that peak until equity regained it, or until the last day.
    private static (double MaxDrawdown, double Days) Drawdown(IReadOnlyList<DailyEquity> daily, double startingEquity)
    {
        double peak = startingEquity, worst = 0, worstPeak = startingEquity;
        DateOnly peakDay = daily[0].Day, worstPeakDay = daily[0].Day;
        foreach (DailyEquity day in daily)
        {
            if (day.Equity > peak)
            {
                peak = day.Equity;
                peakDay = day.Day;
            }

            double fall = (peak - day.Equity) / peak;
            if (fall > worst)
            {
                worst = fall;
                worstPeak = peak;
                worstPeakDay = peakDay;
            }
        }

        if (worst == 0)
        {
            return (0, 0);
        }

        // Between the peak and the trough equity stayed below the peak, so the first day back at it is the recovery.
        foreach (DailyEquity day in daily)
        {
            if (day.Day > worstPeakDay && day.Equity >= worstPeak)
            {
                return (worst, day.Day.DayNumber - worstPeakDay.DayNumber);
            }
        }

        return (worst, daily[^1].Day.DayNumber - worstPeakDay.DayNumber);
    }
}
