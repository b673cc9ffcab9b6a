using System.Collections.Immutable;
using Alpha.Monitoring;

namespace Alpha.Monitoring.Tests;

public sealed class DegradationCheckTests
{
    private static readonly MonitoringOptions s_options = new();

    [Fact]
    public void NothingWrong_IsOk_WithNoFinding()
    {
        DegradationVerdict verdict = DegradationCheck.Evaluate(Reference(), Window(seed: 1, shift: 0, candidates: 400, wins: 22, trades: 40), s_options);

        Assert.Equal(MonitorLevel.Ok, verdict.Level);
        Assert.False(verdict.RetrainRecommended);
        Assert.Empty(verdict.Findings);
        Assert.All(verdict.Psi, p => Assert.True(p.Psi < p.CriticalValue * 3, $"{p.Name}: {p.Psi} vs {p.CriticalValue}"));
    }

    [Fact]
    public void ShiftedInputs_DriftAtAlert_NamingTheInputAndItsNumbers()
    {
        DegradationVerdict verdict = DegradationCheck.Evaluate(Reference(), Window(seed: 2, shift: 1.5, candidates: 400, wins: 22, trades: 40), s_options);

        Assert.Equal(MonitorLevel.Alert, verdict.Level);
        Assert.True(verdict.RetrainRecommended);
        Finding psi = verdict.Findings.First(f => f.Rule == "psi");
        Assert.Equal(("z", MonitorLevel.Alert, 0.25), (psi.Subject, psi.Level, psi.Threshold));
        Assert.Contains("over 400 live values", psi.Detail, StringComparison.Ordinal);
        Assert.Contains(verdict.Findings, f => f is { Rule: "mean_shift", Subject: "z", Level: MonitorLevel.Alert });
        Assert.DoesNotContain(verdict.Findings, f => f.Subject == "speed");      // the other input did not move
    }

    [Fact]
    public void WinRateGap_OverFifteenPoints_CallsForRetraining_OnlyWithEnoughTrades()
    {
        DegradationVerdict many = DegradationCheck.Evaluate(Reference(), Window(seed: 3, shift: 0, candidates: 400, wins: 10, trades: 40), s_options);
        DegradationVerdict few = DegradationCheck.Evaluate(Reference(), Window(seed: 3, shift: 0, candidates: 400, wins: 2, trades: 10), s_options);

        Assert.Equal((MonitorLevel.Alert, 0.25, 0.30), (many.WinRate.Level, many.WinRate.LiveRate, Math.Round(many.WinRate.Gap, 12)));
        Assert.True(many.WinRate.BacktestOutsideInterval);
        Finding gap = Assert.Single(many.Findings, f => f.Rule == "win_rate_gap");
        Assert.Contains("10/40", gap.Detail, StringComparison.Ordinal);
        Assert.Equal(MonitorLevel.Insufficient, few.WinRate.Level);
        Assert.DoesNotContain(few.Findings, f => f.Rule == "win_rate_gap");
    }

    [Fact]
    public void LiveAuc_FarBelowTheOutOfFoldAuc_IsAnAlert_AndOneClassIsInsufficient()
    {
        var random = new Random(4);
        ImmutableArray<LiveCandidate> noise = [.. Enumerable.Range(0, 300).Select(i => new LiveCandidate([random.NextDouble(), random.NextDouble()], random.NextDouble(), 0.3, i % 3 == 0 ? 1 : 0))];
        ImmutableArray<LiveCandidate> oneClass = [.. noise.Select(c => c with { Label = 1 })];

        AucResult dropped = DegradationCheck.Evaluate(Reference(), new LiveWindow(noise, [], []), s_options).Auc;
        AucResult insufficient = DegradationCheck.Evaluate(Reference(), new LiveWindow(oneClass, [], []), s_options).Auc;

        Assert.Equal((MonitorLevel.Alert, 300, 100), (dropped.Level, dropped.Labelled, dropped.Positives));
        Assert.True(dropped.Drop > 0.02, $"{dropped.Drop}");
        Assert.Equal(MonitorLevel.Insufficient, insufficient.Level);
        Assert.True(double.IsNaN(insufficient.LiveAuc));
    }

    [Fact]
    public void PassRateOutsideItsBand_Warns_AndRiskStreaksWarnThenAlert()
    {
        ImmutableArray<LiveCandidate> gated = [.. Window(seed: 5, shift: 0, candidates: 200, wins: 0, trades: 0).Candidates.Select(c => c with { RiskScore = 0.99 })];
        bool[] flags = [.. Enumerable.Repeat(false, 10), .. Enumerable.Repeat(true, 7), false, .. Enumerable.Repeat(true, 4)];

        DegradationVerdict warned = DegradationCheck.Evaluate(Reference(), new LiveWindow(gated, [], [.. flags]), s_options);
        DegradationVerdict alerted = DegradationCheck.Evaluate(Reference(), new LiveWindow(gated, [], [.. Enumerable.Repeat(true, 20)]), s_options);

        Assert.Equal((0, 200, MonitorLevel.Warn), (warned.PassRate.Passed, warned.PassRate.Candidates, warned.PassRate.Level));
        Assert.Equal((7, 4, MonitorLevel.Warn), (warned.RiskStreak.Longest, warned.RiskStreak.Current, warned.RiskStreak.Level));
        Assert.Contains(warned.Findings, f => f.Rule == "pass_rate_band" && f.Threshold == 0.05);
        Assert.Equal((20, MonitorLevel.Alert), (alerted.RiskStreak.Longest, alerted.RiskStreak.Level));
    }

    [Fact]
    public void SmallWindows_AreInsufficient_NotJudged()
    {
        DegradationVerdict verdict = DegradationCheck.Evaluate(Reference(), Window(seed: 6, shift: 3, candidates: 50, wins: 0, trades: 0) with { RiskFlags = [] }, s_options);

        Assert.Equal(MonitorLevel.Insufficient, verdict.Level);
        Assert.All(verdict.Psi, p => Assert.Equal(MonitorLevel.Insufficient, p.Level));
        Assert.All(verdict.Psi, p => Assert.True(double.IsNaN(p.Psi)));
        Assert.Equal(50, verdict.Psi[0].LiveCount);     // counts are reported all the same
        Assert.Empty(verdict.Findings);
    }

    [Fact]
    public void BadInput_IsRefused_NamingWhat()
    {
        ImmutableArray<LiveCandidate> nan = [new([double.NaN, 0], 0.5, 0.5, null), .. Window(seed: 7, shift: 0, candidates: 150, wins: 0, trades: 0).Candidates];
        ImmutableArray<LiveCandidate> wide = [new([0, 0, 0], 0.5, 0.5, null)];

        ArgumentException notFinite = Assert.Throws<ArgumentException>(() => DegradationCheck.Evaluate(Reference(), new LiveWindow(nan, [], []), s_options));
        ArgumentException mismatch = Assert.Throws<ArgumentException>(() => DegradationCheck.Evaluate(Reference(), new LiveWindow(wide, [], []), s_options));

        Assert.Contains("values[0] is NaN", notFinite.Message, StringComparison.Ordinal);
        Assert.Contains("Candidate 0 has 3 inputs; the reference has 2", mismatch.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitoringOptions { PsiAlert = 0.05 }.Validate());
    }

    // Two inputs (z ~ N(0, 1), speed ~ U(0, 1)), scores ~ U(0, 1); out-of-fold AUC 0.62, backtest win rate 0.55, θ2 0.5.
    private static DriftReference Reference()
    {
        var random = new Random(99);
        double[] z = [.. Enumerable.Range(0, 2000).Select(_ => Gaussian(random))];
        double[] speed = [.. Enumerable.Range(0, 2000).Select(_ => random.NextDouble())];
        double[] scores = [.. Enumerable.Range(0, 2000).Select(_ => random.NextDouble())];
        return new DriftReference(
            [DriftDistribution.Of("z", z), DriftDistribution.Of("speed", speed)],
            DriftDistribution.Of("return_prob", scores), DriftDistribution.Of("risk_score", scores), 0.62, 0.55, 120, 0.5);
    }

    private static LiveWindow Window(int seed, double shift, int candidates, int wins, int trades)
    {
        var random = new Random(seed);
        ImmutableArray<LiveCandidate> scored = [.. Enumerable.Range(0, candidates).Select(_ => new LiveCandidate([Gaussian(random) + shift, random.NextDouble()], random.NextDouble(), random.NextDouble(), null))];
        ImmutableArray<double> pnl = [.. Enumerable.Range(0, trades).Select(i => i < wins ? 100.0 : -80.0)];
        return new LiveWindow(scored, pnl, [.. Enumerable.Range(0, 30).Select(i => i % 5 == 0)]);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
