namespace Alpha.Operations;

/// <summary>An engine's last stored checkpoint (<c>core.pair_checkpoints</c>): where it is and whether a position is open.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="PairId">The pair id.</param>
/// <param name="ModelVersion">The version serving it.</param>
/// <param name="Watermark">The last bar processed (UTC).</param>
/// <param name="InPosition">Whether a position is open (or an entry or exit pending).</param>
/// <param name="EquityPeak">The engine's equity peak, in account currency.</param>
public sealed record PairPosition(string ModelId, string PairId, string ModelVersion, DateTime Watermark, bool InPosition, double EquityPeak);
