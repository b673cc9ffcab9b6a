using Alpha.Backtesting;

namespace Alpha.Training;

/// <summary>
/// A stress scenario as <c>backtest_policy.yaml</c> states it, before the data's length is known (the correlation
/// collapse is placed at a fraction of the bars).
/// </summary>
/// <param name="Kind"><c>cost_multiplier</c>, <c>latency</c>, <c>atr_noise</c>, <c>correlation_collapse</c> or <c>gap_events</c>.</param>
/// <param name="Value">The factor (cost), the bars of delay (latency), the fraction of the bar range (ATR noise), the log jump (gaps); unused for a collapse.</param>
/// <param name="Count">Gap events: how many; correlation collapse: its length in bars; else 0.</param>
/// <param name="StartFraction">Correlation collapse: where it starts, as a fraction of the bars; else 0.</param>
/// <param name="Seed">Seed of the random scenarios.</param>
public sealed record StressScenarioSpec(string Kind, double Value, int Count, double StartFraction, int Seed)
{
    /// <summary>The scenario for a series of <paramref name="barCount"/> bars.</summary>
    public StressScenario Build(int barCount) => Kind switch
    {
        "cost_multiplier" => StressScenario.CostMultiplier(Value),
        "latency" => StressScenario.Latency((int)Value),
        "atr_noise" => StressScenario.AtrNoise(Value, Seed),
        "correlation_collapse" => StressScenario.CorrelationCollapse((int)(StartFraction * barCount), Math.Min(Count, barCount - (int)(StartFraction * barCount)), Seed),
        "gap_events" => StressScenario.GapEvents(Count, Value, Seed),
        _ => throw new InvalidOperationException($"Unknown stress scenario kind '{Kind}'."),
    };
}
