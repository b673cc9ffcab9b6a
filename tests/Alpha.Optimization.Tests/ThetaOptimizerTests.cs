using System.Collections.Immutable;

namespace Alpha.Optimization.Tests;

public sealed class ThetaOptimizerTests
{
    // A θ surface like a backtest's: looser thresholds trade more; the return peaks near θ = (0.70, 0.35).
    private static ThetaEvaluation Surface(Theta t, double tradeScale = 1.0)
    {
        double trades = tradeScale * 40 * (1.0 - t.Theta1) / 0.4 * (t.Theta2 / 0.45);
        double annual = 0.08 - (2 * Math.Pow(t.Theta1 - 0.70, 2)) - (3 * Math.Pow(t.Theta2 - 0.35, 2));
        int n = Math.Max(0, (int)Math.Round(trades * 10));
        double[] returns = [.. Enumerable.Range(0, n).Select(i => (annual / Math.Max(1, trades)) + (0.002 * Math.Sin(i)))];
        return new ThetaEvaluation(annual, 0.05 + (0.2 * Math.Max(0, 0.65 - t.Theta1)), trades, 0.1 * t.Theta2, 10, [.. returns]);
    }

    private static ThetaSearchOptions Options(double minTrades = 8) => new() { MinTradesPerYear = minTrades };

    [Fact]
    public void Search_EvaluatesTheGridThenTpe_AndFindsThePeak()
    {
        var evaluated = new List<Theta>();
        ThetaSearchResult result = ThetaOptimizer.Optimize(t => { evaluated.Add(t); return Surface(t); }, [], [], null, Options());

        Assert.Equal(36, result.Trials.Count(t => t.Stage is "grid" or "corner"));
        Assert.Equal(evaluated.Count, evaluated.Distinct().Count());
        Assert.True(result.Trials.Length <= 100);
        Assert.True(result.Adopted);
        Assert.Equal(result.Best!.Theta, result.Chosen);
        Assert.InRange(result.Best.Theta.Theta1, 0.66, 0.74);
        Assert.InRange(result.Best.Theta.Theta2, 0.31, 0.39);
        Assert.All(result.Trials, t => Assert.Equal(Math.Round(t.Theta.Theta1, 2), t.Theta.Theta1));
    }

    [Fact]
    public void Objective_PenalisesDrawdownAboveTheLimitAndFalsePositives() =>
        Assert.Equal(0.10 - (2.0 * 0.03) - (0.10 * 0.5), ThetaOptimizer.Objective(0.10, 0.15, 0.5, Options()), 12);

    [Fact]
    public void TradeMinimum_IsAHardConstraintWithTheMargin()
    {
        // 10 trades/year minimum, margin 1.2: θ trading 11/year is infeasible even with a higher objective.
        ThetaSearchResult result = ThetaOptimizer.Optimize(t => Surface(t), [], [], null, Options(minTrades: 10));
        Assert.All(result.Trials.Where(t => t.Feasible), t => Assert.True(t.Evaluation.TradesPerYear >= 12));
        Assert.True(result.Best!.Evaluation.TradesPerYear >= 12);
    }

    [Fact]
    public void InfeasibleCorner_MovesToAdaptiveRanges()
    {
        double[] probs = [.. Enumerable.Range(0, 200).Select(i => 0.3 + (i * 0.001))];
        double[] risks = [.. Enumerable.Range(0, 200).Select(i => 0.5 + (i * 0.002))];
        // Trades only when θ1 < 0.45 and θ2 > 0.6: far outside the default ranges.
        ThetaEvaluation Evaluate(Theta t) => t.Theta1 < 0.45 && t.Theta2 > 0.6 ? Surface(new Theta(0.7, 0.35)) : new ThetaEvaluation(0, 0, 0, 0, 10, []);

        ThetaSearchResult result = ThetaOptimizer.Optimize(Evaluate, probs, risks, null, Options());

        Assert.True(result.AdaptiveRange);
        Assert.False(result.NoFeasibleTheta);
        // numpy.quantile: return_prob q50 0.3995 → 0.39 (outward), q95 0.48905 → 0.49; risk_score q40 0.6592 → 0.65, q90 0.8582 → 0.86.
        Assert.Equal((0.39, 0.49), result.Theta1Range);
        Assert.Equal((0.65, 0.86), result.Theta2Range);
        Assert.Contains(result.Reasons, r => r.StartsWith("Even the loosest corner", StringComparison.Ordinal));
    }

    [Fact]
    public void NothingFeasible_KeepsThePreviousTheta()
    {
        var previous = new Theta(0.7, 0.3);
        ThetaSearchResult result = ThetaOptimizer.Optimize(_ => new ThetaEvaluation(0.1, 0, 1, 0, 10, []), [0.5, 0.6], [0.2, 0.3], previous, Options());

        Assert.True(result.NoFeasibleTheta);
        Assert.False(result.Adopted);
        Assert.Equal(previous, result.Chosen);
        Assert.Contains(result.Reasons, r => r.StartsWith("No feasible θ", StringComparison.Ordinal));
    }

    [Fact]
    public void Stabilisation_BlendsLimitsAndRounds()
    {
        ThetaSearchOptions o = Options();
        // 0.7·0.60 + 0.3·0.85 = 0.675 → limited to 0.60 + 0.03; 0.7·0.30 + 0.3·0.28 = 0.294 → 0.29.
        Assert.Equal(new Theta(0.63, 0.29), ThetaOptimizer.Stabilise(new Theta(0.60, 0.30), new Theta(0.85, 0.28), o));
    }

    [Fact]
    public void AdoptionGuard_RequiresAPositiveImprovementInterval()
    {
        // From a poor θ the stabilised step improves clearly; from next to the peak it cannot.
        ThetaSearchResult far = ThetaOptimizer.Optimize(t => Surface(t), [], [0.1, 0.2, 0.3, 0.4], new Theta(0.84, 0.21), Options());
        Assert.True(far.Adopted, string.Join(" | ", far.Reasons));
        Assert.True(far.ImprovementInterval!.Value.Lower > 0);
        Assert.Equal(0.81, far.Chosen!.Value.Theta1, 10);     // 0.84 moved toward the peak by at most the 0.03 step limit

        ThetaSearchResult near = ThetaOptimizer.Optimize(t => Surface(t), [], [0.1, 0.2, 0.3, 0.4], new Theta(0.70, 0.35), Options());
        Assert.False(near.Adopted);
        Assert.Equal(new Theta(0.70, 0.35), near.Chosen);
    }

    [Fact]
    public void StabilisedThetaBelowTheMinimum_KeepsThePrevious()
    {
        // Trading collapses above θ1 = 0.64: the stabilised step from 0.62 toward a best above it is kept out.
        ThetaEvaluation Evaluate(Theta t) => t.Theta1 > 0.62 && t.Theta1 < 0.8 ? Surface(t) with { TradesPerYear = 5 } : Surface(t);
        ThetaSearchResult result = ThetaOptimizer.Optimize(Evaluate, [], [], new Theta(0.62, 0.35), Options(minTrades: 8));
        Assert.False(result.Adopted);
        Assert.Equal(new Theta(0.62, 0.35), result.Chosen);
    }

    [Fact]
    public void PassRate_IsReportedAndWarnedOutsideTheBand()
    {
        double[] risks = [.. Enumerable.Range(0, 100).Select(i => i / 100.0)];
        ThetaSearchResult result = ThetaOptimizer.Optimize(t => Surface(t), [], risks, null, Options() with { PassRateBand = (0.05, 0.2) });
        Assert.Equal(risks.Count(r => r < result.Chosen!.Value.Theta2) / 100.0, result.PassRate);
        Assert.NotNull(result.PassRateWarning);
    }

    [Fact]
    public void Search_IsReproducible()
    {
        ImmutableArray<ThetaTrial> Run() => ThetaOptimizer.Optimize(t => Surface(t), [], [], null, Options()).Trials;
        Assert.Equal(Run().Select(t => t.Theta), Run().Select(t => t.Theta));
    }

    [Fact]
    public void NonFiniteEvaluation_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => ThetaOptimizer.Optimize(_ => new ThetaEvaluation(double.NaN, 0, 100, 0, 1, []), [], [], null, Options()));
}
