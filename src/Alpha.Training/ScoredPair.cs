using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Features;
using Alpha.Optimization;
using Alpha.Signals;

namespace Alpha.Training;

/// <summary>
/// A pair's bars with a calibrated return_prob and risk_score at each candidate bar: what the θ search, the
/// backtest at a θ and the stress scenarios run on. Bars without scores (NaN) never enter.
/// </summary>
public sealed class ScoredPair
{
    private readonly double[] _returnProbability;
    private readonly double[] _riskScore;
    private readonly BacktestOptions _options;
    private readonly SpreadSeries _spread;
    private ImmutableArray<Trade>? _candidateTrades;

    /// <summary>Creates the scored pair.</summary>
    /// <param name="market">The aligned bars.</param>
    /// <param name="features">Their features.</param>
    /// <param name="returnProbability">Calibrated AI1 probability per bar, NaN where the bar is not a scored candidate.</param>
    /// <param name="riskScore">Calibrated AI2 probability per bar, NaN where not scored.</param>
    /// <param name="options">Backtest settings (costs, sizing, exits).</param>
    /// <exception cref="ArgumentException">Lengths differ, or a score is outside [0, 1] or infinite.</exception>
    public ScoredPair(PairMarket market, FeatureFrame features, ReadOnlySpan<double> returnProbability, ReadOnlySpan<double> riskScore, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        if (features.Count != market.Count || returnProbability.Length != market.Count || riskScore.Length != market.Count)
        {
            throw new ArgumentException($"Market ({market.Count}), features ({features.Count}), return probabilities ({returnProbability.Length}) and risk scores ({riskScore.Length}) must cover the same bars.");
        }

        var candidates = ImmutableArray.CreateBuilder<int>();
        for (int i = 0; i < returnProbability.Length; i++)
        {
            double p = returnProbability[i], r = riskScore[i];
            if (!double.IsNaN(p) && !double.IsNaN(r))
            {
                if (!(p is >= 0 and <= 1) || !(r is >= 0 and <= 1))
                {
                    throw new ArgumentException($"Bar {i}: return probability {p} or risk score {r} is outside [0, 1].");
                }

                candidates.Add(i);
            }
        }

        Market = market;
        Features = features;
        CandidateBars = candidates.ToImmutable();
        _returnProbability = returnProbability.ToArray();
        _riskScore = riskScore.ToArray();
        _options = options;
        _spread = SpreadSeries.From(features);
    }

    /// <summary>The bars.</summary>
    public PairMarket Market { get; }

    /// <summary>The features.</summary>
    public FeatureFrame Features { get; }

    /// <summary>Bars with both scores, ascending.</summary>
    public ImmutableArray<int> CandidateBars { get; }

    /// <summary>return_prob at the candidate bars, in <see cref="CandidateBars"/> order.</summary>
    public double[] CandidateReturnProbabilities() => [.. CandidateBars.Select(i => _returnProbability[i])];

    /// <summary>risk_score at the candidate bars, in <see cref="CandidateBars"/> order.</summary>
    public double[] CandidateRiskScores() => [.. CandidateBars.Select(i => _riskScore[i])];

    /// <summary>The entry decisions at θ: return_prob &gt; θ1 and risk_score &lt; θ2 (clipped as the decision layer does).</summary>
    public EntryDecisions Decisions(Theta theta) => EntryDecisions.FromProbabilities(_returnProbability, _riskScore, theta.Theta1, theta.Theta2);

    /// <summary>The backtest at θ.</summary>
    public BacktestResult Backtest(Theta theta) => Backtester.Run(Market, _spread, Decisions(theta), _options);

    /// <summary>The stress scenarios at θ.</summary>
    public ImmutableArray<StressResult> Stress(Theta theta, IEnumerable<StressScenario> scenarios) => StressTest.Run(Market, Features, Decisions(theta), _options, scenarios);

    /// <summary>
    /// What the θ search needs for one θ (DESIGN.md § 5): the backtest's annual return, MaxDD, trades/year and trade
    /// returns, and the AI2 false-positive rate — among candidates passing θ1 whose own trade, simulated alone, made
    /// money after costs, the share AI2 blocked (risk_score ≥ θ2); 0 without such winners.
    /// </summary>
    public ThetaEvaluation Evaluate(Theta theta)
    {
        BacktestResult result = Backtest(theta);
        _candidateTrades ??= Backtester.CandidateTrades(Market, _spread, _options);
        int winners = 0, blocked = 0;
        foreach (Trade trade in _candidateTrades.Value)
        {
            int bar = trade.DecisionBar;
            if (!double.IsNaN(_riskScore[bar]) && DecisionRule.ClearsTheta1(_returnProbability[bar], theta.Theta1) && trade.Pnl > 0)
            {
                winners++;
                blocked += DecisionRule.IsRisky(_riskScore[bar], theta.Theta2) ? 1 : 0;
            }
        }

        PerformanceSummary s = result.Summary;
        return new ThetaEvaluation(s.AnnualReturn, s.MaxDrawdown, s.TradesPerYear, winners == 0 ? 0 : (double)blocked / winners, s.Years, [.. result.Trades.Select(t => t.ReturnOnEquity)]);
    }

    /// <summary>Runs the θ search of DESIGN.md § 5 on these scores.</summary>
    public ThetaSearchResult SearchTheta(ThetaSearchOptions options, Theta? previous, CancellationToken cancellationToken = default) =>
        ThetaOptimizer.Optimize(Evaluate, CandidateReturnProbabilities(), CandidateRiskScores(), previous, options, cancellationToken);
}
