using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>One live candidate the model scored (<c>core.live_scores</c>), labelled once later bars told how it ended.</summary>
/// <param name="Inputs">The scaled model inputs, in feature-schema order.</param>
/// <param name="ReturnProb">The calibrated AI1 probability.</param>
/// <param name="RiskScore">The calibrated AI2 probability.</param>
/// <param name="Label">1 when the spread reverted as the AI1 label defines it, 0 when not, null while unknown.</param>
public sealed record LiveCandidate(ImmutableArray<double> Inputs, double ReturnProb, double RiskScore, int? Label);
