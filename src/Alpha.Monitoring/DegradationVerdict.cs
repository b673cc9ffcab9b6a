using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>Every measurement of a live window against its version's reference, the rules that fired and what to do.</summary>
/// <param name="Level">The most serious level among the measurements (Insufficient when nothing could be judged).</param>
/// <param name="RetrainRecommended">Whether a rule fired at alert: a retraining trigger.</param>
/// <param name="Findings">Every rule that fired, most serious first.</param>
/// <param name="Psi">PSI per input, then for <c>return_prob</c> and <c>risk_score</c>.</param>
/// <param name="MeanShifts">Mean shift per input.</param>
/// <param name="WinRate">Live win rate against the backtest's.</param>
/// <param name="Auc">Live AI1 AUC against the out-of-fold AUC.</param>
/// <param name="PassRate">The AI2 pass rate against its band.</param>
/// <param name="RiskStreak">Risk-flag runs.</param>
public sealed record DegradationVerdict(
    MonitorLevel Level,
    bool RetrainRecommended,
    ImmutableArray<Finding> Findings,
    ImmutableArray<PsiResult> Psi,
    ImmutableArray<MeanShiftResult> MeanShifts,
    WinRateResult WinRate,
    AucResult Auc,
    PassRateResult PassRate,
    RiskStreakResult RiskStreak);
