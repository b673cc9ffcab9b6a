using System.Collections.Immutable;
using Alpha.Features;

namespace Alpha.Backtesting;

/// <summary>
/// Runs a backtest under each <see cref="StressScenario"/>: changed prices are re-featurised with the same feature
/// windows (so z, σ and the candidates follow the stressed market), the model's decisions are kept bar for bar, and
/// costs or delays change as the scenario says. Each reports the same summary, so scenarios can be compared.
/// </summary>
public static class StressTest
{
    /// <summary>The summaries of <paramref name="scenarios"/> (include <see cref="StressScenario.Baseline"/> for reference).</summary>
    public static ImmutableArray<StressResult> Run(PairMarket market, FeatureFrame features, EntryDecisions decisions, BacktestOptions options, IEnumerable<StressScenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenarios);
        var results = ImmutableArray.CreateBuilder<StressResult>();
        foreach (StressScenario scenario in scenarios)
        {
            PairMarket stressed = scenario.Prices?.Invoke(market) ?? market;
            FeatureFrame frame = scenario.Prices is null ? features
                : PairFeatures.Compute(stressed.HighA, stressed.LowA, stressed.CloseA, stressed.HighB, stressed.LowB, stressed.CloseB, stressed.Segment, features.Options);
            BacktestOptions stressedOptions = options with
            {
                Costs = scenario.CostFactor == 1 ? options.Costs : options.Costs.Scaled(scenario.CostFactor),
                Rules = options.Rules with { EntryDelayBars = options.Rules.EntryDelayBars + scenario.Delay },
            };
            results.Add(new StressResult(scenario.Name, Backtester.Run(stressed, SpreadSeries.From(frame), decisions, stressedOptions).Summary));
        }

        return results.ToImmutable();
    }
}
