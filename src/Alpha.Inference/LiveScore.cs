using System.Collections.Immutable;

namespace Alpha.Inference;

/// <summary>
/// What the model saw and said at one bar it scored (a candidate the flags and drawdown levels let through): the
/// scaled inputs and the calibrated probabilities — the live half of drift and degradation monitoring
/// (<c>core.live_scores</c>).
/// </summary>
/// <param name="ModelId">The model id.</param>
/// <param name="PairId">The pair id.</param>
/// <param name="ModelVersion">The version that scored.</param>
/// <param name="BarTime">The decision bar (UTC open time).</param>
/// <param name="Inputs">The model inputs after the version's scaler, in feature-schema order.</param>
/// <param name="ReturnProb">Calibrated AI1 probability, in [0, 1].</param>
/// <param name="RiskScore">Calibrated AI2 probability, in [0, 1].</param>
/// <param name="Entered">Whether an entry was decided at this bar (the rule let it through and both legs could be sized).</param>
public sealed record LiveScore(
    string ModelId,
    string PairId,
    string ModelVersion,
    DateTime BarTime,
    ImmutableArray<double> Inputs,
    double ReturnProb,
    double RiskScore,
    bool Entered);
