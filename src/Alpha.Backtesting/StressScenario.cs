namespace Alpha.Backtesting;

/// <summary>
/// A what-if for the backtest: a change to the prices (re-featurised before the run), to the costs or to the
/// execution delay. Build them with the static factories; every random one is seeded.
/// </summary>
public sealed class StressScenario
{
    private StressScenario(string name, Func<PairMarket, PairMarket>? prices, double costFactor, int delay)
    {
        Name = name;
        Prices = prices;
        CostFactor = costFactor;
        Delay = delay;
    }

    /// <summary>A short description, e.g. "cost x3".</summary>
    public string Name { get; }

    internal Func<PairMarket, PairMarket>? Prices { get; }

    internal double CostFactor { get; }

    internal int Delay { get; }

    /// <summary>The unchanged backtest (the reference the others are compared with).</summary>
    public static StressScenario Baseline { get; } = new("baseline", null, 1, 0);

    /// <summary>Every cost multiplied by <paramref name="factor"/>.</summary>
    public static StressScenario CostMultiplier(double factor)
    {
        Guard.NonNegative(factor, nameof(factor));
        return new StressScenario(FormattableString.Invariant($"cost x{factor}"), null, factor, 0);
    }

    /// <summary>Every entry fills <paramref name="bars"/> bar(s) later than decided.</summary>
    public static StressScenario Latency(int bars = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bars);
        return new StressScenario(FormattableString.Invariant($"latency {bars} bar(s)"), null, 1, bars);
    }

    /// <summary>
    /// Both legs' prices multiplied by exp(ε), ε ~ N(0, (<paramref name="fractionOfRange"/> · (high − low) / close)²)
    /// per bar and leg — noise scaled to each bar's own range, a proxy for its ATR.
    /// </summary>
    public static StressScenario AtrNoise(double fractionOfRange, int seed) =>
        new(FormattableString.Invariant($"ATR noise {fractionOfRange}"), market => StressPrices.AtrNoise(market, fractionOfRange, seed), 1, 0);

    /// <summary>Leg B's log returns shuffled inside [<paramref name="start"/>, start + <paramref name="length"/>): its correlation with leg A collapses there.</summary>
    public static StressScenario CorrelationCollapse(int start, int length, int seed) =>
        new(FormattableString.Invariant($"correlation collapse {start}+{length}"), market => StressPrices.ShuffleB(market, start, length, seed), 1, 0);

    /// <summary><paramref name="count"/> gaps: at random bars leg A jumps by ±<paramref name="jump"/> (a log move) and stays there.</summary>
    public static StressScenario GapEvents(int count, double jump, int seed) =>
        new(FormattableString.Invariant($"{count} gaps of {jump}"), market => StressPrices.Gaps(market, count, jump, seed), 1, 0);
}
