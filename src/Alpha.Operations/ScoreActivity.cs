namespace Alpha.Operations;

/// <summary>What one model version scored on one pair over a window (<c>core.live_scores</c>).</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="PairId">The pair id.</param>
/// <param name="ModelVersion">The version.</param>
/// <param name="Scored">Bars scored.</param>
/// <param name="Entered">Of which an entry was decided.</param>
/// <param name="MeanReturnProb">Mean calibrated return_prob.</param>
/// <param name="MeanRiskScore">Mean calibrated risk_score.</param>
/// <param name="LastBarTime">The last bar scored (UTC).</param>
public sealed record ScoreActivity(string ModelId, string PairId, string ModelVersion, long Scored, long Entered, double MeanReturnProb, double MeanRiskScore, DateTime LastBarTime);
