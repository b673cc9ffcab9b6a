namespace Alpha.Training;

/// <summary>
/// Settings of <see cref="SyntheticPair.Generate"/>: two legs whose log prices are cointegrated,
/// log A = α + β·log B + s with s an Ornstein–Uhlenbeck spread. Defaults give about three years of 4-hour bars.
/// </summary>
public sealed record SyntheticPairOptions
{
    /// <summary>Bar timestamps generated (weekend bars are then removed when <see cref="WeekendClosures"/>); default 6,600.</summary>
    public int Bars { get; init; } = 6_600;

    /// <summary>Bar length; default 4 hours.</summary>
    public TimeSpan Timeframe { get; init; } = TimeSpan.FromHours(4);

    /// <summary>First bar's open time (UTC); default 2020-01-06 00:00 (a Monday).</summary>
    public DateTime Start { get; init; } = new(2020, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Seed of every random draw; the same seed gives the same bars.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The spread's half-life, in bars; default 24.</summary>
    public double HalfLifeBars { get; init; } = 24;

    /// <summary>Standard deviation of the spread's innovation per bar (log units); default 0.0015.</summary>
    public double SpreadVolatility { get; init; } = 0.0015;

    /// <summary>Standard deviation of leg B's log return per bar; default 0.003.</summary>
    public double LegBVolatility { get; init; } = 0.003;

    /// <summary>The hedge ratio β; default 0.9.</summary>
    public double Beta { get; init; } = 0.9;

    /// <summary>The intercept α (log units); default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Leg B's first close; default 0.65 (leg A's follows from α, β and the spread).</summary>
    public double StartPriceB { get; init; } = 0.65;

    /// <summary>Intrabar range noise: high/low extend beyond open/close by |N(0, this)| in log units; default 0.0008.</summary>
    public double RangeNoise { get; init; } = 0.0008;

    /// <summary>
    /// Regime shifts, evenly spaced: at each, β moves by ±<see cref="RegimeBetaShift"/> and the half-life is
    /// multiplied or divided by <see cref="RegimeHalfLifeFactor"/> (alternating); default 2.
    /// </summary>
    public int RegimeShifts { get; init; } = 2;

    /// <summary>β change at a regime shift; default 0.1.</summary>
    public double RegimeBetaShift { get; init; } = 0.1;

    /// <summary>Half-life factor at a regime shift; default 3.</summary>
    public double RegimeHalfLifeFactor { get; init; } = 3;

    /// <summary>Probability per bar that one leg misses a run of 1–3 bars (a gap the aligner fills or drops); default 0.002.</summary>
    public double GapProbability { get; init; } = 0.002;

    /// <summary>Whether Saturday and Sunday bars are absent for both legs (market closures); default true.</summary>
    public bool WeekendClosures { get; init; } = true;

    internal void Validate()
    {
        if (Bars < 10 || Timeframe <= TimeSpan.Zero || !(HalfLifeBars > 0) || !(SpreadVolatility >= 0) || !(LegBVolatility >= 0) || !double.IsFinite(Beta) || !double.IsFinite(Alpha)
            || !(StartPriceB > 0) || !(RangeNoise >= 0) || RegimeShifts < 0 || !double.IsFinite(RegimeBetaShift) || !(RegimeHalfLifeFactor > 0) || !(GapProbability is >= 0 and < 1))
        {
            throw new ArgumentException("Synthetic pair options out of range: bars ≥ 10, positive timeframe, half-life, start price and regime factor; non-negative volatilities and noise; gap probability in [0, 1).");
        }
    }
}
