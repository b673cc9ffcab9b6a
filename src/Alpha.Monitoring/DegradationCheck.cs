using System.Collections.Immutable;
using System.Globalization;
using Alpha.Calibration;
using MathNet.Numerics.Distributions;

namespace Alpha.Monitoring;

/// <summary>
/// Turns a live window and its version's reference into one <see cref="DegradationVerdict"/>: PSI and mean shift per
/// input, PSI of the calibrated scores, the live win rate against the backtest's (Wilson interval, minimum trade
/// count), the live AI1 AUC against the out-of-fold AUC, the AI2 pass rate against its band and risk-flag streaks —
/// every number, and each rule that fired with its threshold.
/// </summary>
public static class DegradationCheck
{
    /// <summary>Measures <paramref name="window"/> against <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">A candidate's inputs do not match the reference's inputs, or a value is NaN or infinite.</exception>
    public static DegradationVerdict Evaluate(DriftReference reference, LiveWindow window, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ImmutableArray<LiveCandidate> candidates = window.Candidates;
        for (int c = 0; c < candidates.Length; c++)
        {
            if (candidates[c].Inputs.Length != reference.Inputs.Length)
            {
                throw new ArgumentException($"Candidate {c} has {candidates[c].Inputs.Length} inputs; the reference has {reference.Inputs.Length}.", nameof(window));
            }
        }

        var psi = ImmutableArray.CreateBuilder<PsiResult>(reference.Inputs.Length + 2);
        var shifts = ImmutableArray.CreateBuilder<MeanShiftResult>(reference.Inputs.Length);
        for (int i = 0; i < reference.Inputs.Length; i++)
        {
            double[] live = [.. candidates.Select(c => c.Inputs[i])];
            psi.Add(PopulationStability.Compute(reference.Inputs[i], live, options));
            shifts.Add(MeanShift(reference.Inputs[i], live, options));
        }

        psi.Add(PopulationStability.Compute(reference.ReturnProb, [.. candidates.Select(c => c.ReturnProb)], options));
        psi.Add(PopulationStability.Compute(reference.RiskScore, [.. candidates.Select(c => c.RiskScore)], options));
        WinRateResult winRate = WinRate(window.TradePnl.AsSpan(), reference.BacktestWinRate, options);
        AucResult auc = Auc(candidates, reference.OutOfFoldAuc, options);
        PassRateResult passRate = PassRate(candidates, reference.Theta2, options);
        RiskStreakResult streak = Streak(window.RiskFlags.AsSpan(), options);

        var findings = new List<Finding>();
        foreach (PsiResult p in psi.Where(p => p.Level >= MonitorLevel.Warn))
        {
            double threshold = p.Level == MonitorLevel.Alert ? options.PsiAlert : options.PsiWarn;
            findings.Add(new Finding("psi", p.Name, p.Level, p.Psi, threshold, Text($"PSI {p.Psi:F4} ≥ {threshold:G} over {p.LiveCount} live values (critical value for this window {p.CriticalValue:F4})")));
        }

        foreach (MeanShiftResult s in shifts.Where(s => s.Level >= MonitorLevel.Warn))
        {
            double threshold = s.Level == MonitorLevel.Alert ? options.MeanShiftAlert : options.MeanShiftWarn;
            findings.Add(new Finding("mean_shift", s.Name, s.Level, s.Shift, threshold, Text($"mean moved {s.Shift:+0.00;-0.00} reference SDs ({s.ReferenceMean:G6} → {s.LiveMean:G6}) over {s.LiveCount} live values")));
        }

        if (winRate.Level == MonitorLevel.Alert)
        {
            findings.Add(new Finding("win_rate_gap", "trades", MonitorLevel.Alert, winRate.Gap, options.WinRateGap, Text(
                $"live win rate {winRate.LiveRate:P1} ({winRate.Wins}/{winRate.Trades}, Wilson {options.Confidence:P0} [{winRate.WilsonLow:P1}, {winRate.WilsonHigh:P1}]) vs backtest {winRate.BacktestRate:P1}: gap {winRate.Gap:P1} > {options.WinRateGap:P0}")));
        }

        if (auc.Level == MonitorLevel.Alert)
        {
            findings.Add(new Finding("auc_drop", "ai1", MonitorLevel.Alert, auc.Drop, options.AucDrop, Text(
                $"live AUC {auc.LiveAuc:F4} on {auc.Labelled} labelled candidates ({auc.Positives} positive) vs out-of-fold {auc.OutOfFoldAuc:F4}: drop {auc.Drop:F4} > {options.AucDrop:G}")));
        }

        if (passRate.Level == MonitorLevel.Warn)
        {
            findings.Add(new Finding("pass_rate_band", "ai2", MonitorLevel.Warn, passRate.Rate, passRate.Rate < passRate.Low ? passRate.Low : passRate.High, Text(
                $"AI2 pass rate {passRate.Rate:P1} ({passRate.Passed}/{passRate.Candidates}) outside [{passRate.Low:P0}, {passRate.High:P0}]")));
        }

        if (streak.Level >= MonitorLevel.Warn)
        {
            int threshold = streak.Level == MonitorLevel.Alert ? options.RiskStreakAlert : options.RiskStreakWarn;
            findings.Add(new Finding("risk_flag_streak", "ai2", streak.Level, streak.Longest, threshold, Text(
                $"{streak.Longest} consecutive risk-flagged bars ≥ {threshold} (current run {streak.Current}, {streak.Bars} bars)")));
        }

        MonitorLevel[] levels = [.. psi.Select(p => p.Level), .. shifts.Select(s => s.Level), winRate.Level, auc.Level, passRate.Level, streak.Level];
        MonitorLevel level = levels.Max();
        return new DegradationVerdict(
            level, findings.Any(f => f.Level == MonitorLevel.Alert), [.. findings.OrderByDescending(f => f.Level)],
            psi.MoveToImmutable(), shifts.MoveToImmutable(), winRate, auc, passRate, streak);
    }

    /// <summary>The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/> at <paramref name="confidence"/>.</summary>
    public static (double Low, double High) Wilson(int successes, int trials, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return (0, 1);
        }

        double z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        double n = trials, p = successes / n, z2 = z * z;
        double center = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    private static MeanShiftResult MeanShift(DriftDistribution reference, double[] live, MonitoringOptions options)
    {
        if (live.Length < options.MinWindow)
        {
            return new MeanShiftResult(reference.Name, double.NaN, reference.Mean, double.NaN, live.Length, MonitorLevel.Insufficient);
        }

        double mean = live.Average();
        double shift = reference.StandardDeviation > 0
            ? (mean - reference.Mean) / reference.StandardDeviation
            : mean == reference.Mean ? 0 : Math.Sign(mean - reference.Mean) * double.PositiveInfinity;
        double size = Math.Abs(shift);
        MonitorLevel level = size >= options.MeanShiftAlert ? MonitorLevel.Alert : size >= options.MeanShiftWarn ? MonitorLevel.Warn : MonitorLevel.Ok;
        return new MeanShiftResult(reference.Name, mean, reference.Mean, shift, live.Length, level);
    }

    private static WinRateResult WinRate(ReadOnlySpan<double> pnl, double backtestRate, MonitoringOptions options)
    {
        Finite.Check(pnl, "TradePnl");
        int wins = 0;
        foreach (double p in pnl)
        {
            wins += p > 0 ? 1 : 0;
        }

        (double low, double high) = Wilson(wins, pnl.Length, options.Confidence);
        double rate = pnl.Length == 0 ? double.NaN : wins / (double)pnl.Length;
        double gap = Math.Abs(rate - backtestRate);
        MonitorLevel level = pnl.Length < options.MinTrades || !double.IsFinite(backtestRate)
            ? MonitorLevel.Insufficient
            : gap > options.WinRateGap ? MonitorLevel.Alert : MonitorLevel.Ok;
        return new WinRateResult(wins, pnl.Length, rate, low, high, backtestRate, gap, level);
    }

    private static AucResult Auc(ImmutableArray<LiveCandidate> candidates, double outOfFoldAuc, MonitoringOptions options)
    {
        LiveCandidate[] labelled = [.. candidates.Where(c => c.Label is 0 or 1)];
        int positives = labelled.Count(c => c.Label == 1);
        if (labelled.Length < options.MinLabelled || positives == 0 || positives == labelled.Length || !double.IsFinite(outOfFoldAuc))
        {
            return new AucResult(double.NaN, outOfFoldAuc, double.NaN, labelled.Length, positives, MonitorLevel.Insufficient);
        }

        double[] scores = [.. labelled.Select(c => c.ReturnProb)];
        Finite.Check(scores, "ReturnProb");
        double live = ClassificationMetrics.RocAuc([.. labelled.Select(c => (double)c.Label!.Value)], scores);
        double drop = outOfFoldAuc - live;
        return new AucResult(live, outOfFoldAuc, drop, labelled.Length, positives, drop > options.AucDrop ? MonitorLevel.Alert : MonitorLevel.Ok);
    }

    private static PassRateResult PassRate(ImmutableArray<LiveCandidate> candidates, double theta2, MonitoringOptions options)
    {
        int passed = candidates.Count(c => c.RiskScore < theta2);
        double rate = candidates.IsEmpty ? double.NaN : passed / (double)candidates.Length;
        (double low, double high) = options.PassRateBand;
        MonitorLevel level = candidates.Length < options.MinWindow ? MonitorLevel.Insufficient : rate < low || rate > high ? MonitorLevel.Warn : MonitorLevel.Ok;
        return new PassRateResult(passed, candidates.Length, rate, low, high, level);
    }

    private static RiskStreakResult Streak(ReadOnlySpan<bool> flags, MonitoringOptions options)
    {
        int longest = 0, current = 0;
        foreach (bool flagged in flags)
        {
            current = flagged ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        MonitorLevel level = flags.IsEmpty ? MonitorLevel.Insufficient
            : longest >= options.RiskStreakAlert ? MonitorLevel.Alert
            : longest >= options.RiskStreakWarn ? MonitorLevel.Warn
            : MonitorLevel.Ok;
        return new RiskStreakResult(longest, current, flags.Length, level);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
