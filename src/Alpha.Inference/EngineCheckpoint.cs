using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// A <see cref="PairEngine"/>'s state between bars (DESIGN.md § 6 "Inference"): the watermark, the current segment
/// (where warm-up replays from), the position machine (cash, open position with its entry α/β/σ and bar, pending
/// entry or exit), the entry's probabilities and the equity peak. Features are not stored: a restored engine rebuilds
/// them by replaying the segment's bars, so it continues exactly as one that never stopped.
/// </summary>
/// <param name="ModelId">The model id.</param>
/// <param name="PairId">The pair id.</param>
/// <param name="ModelVersion">The version that was serving.</param>
/// <param name="Watermark">The last final bar processed (UTC open time).</param>
/// <param name="WatermarkIndex">Its index on the engine's bar axis.</param>
/// <param name="Segment">The current (last started) segment.</param>
/// <param name="SegmentStart">The first bar of that segment (UTC): history replays from here.</param>
/// <param name="SegmentStartIndex">Its index on the bar axis.</param>
/// <param name="Position">The position machine's state.</param>
/// <param name="EntryReturnProb">return_prob of the open or pending entry (NaN when flat).</param>
/// <param name="EntryRiskScore">risk_score of the open or pending entry (NaN when flat).</param>
/// <param name="EquityPeak">The running equity peak the drawdown levels measure from.</param>
public sealed record EngineCheckpoint(
    string ModelId,
    string PairId,
    string ModelVersion,
    DateTime Watermark,
    int WatermarkIndex,
    int Segment,
    DateTime SegmentStart,
    int SegmentStartIndex,
    PositionState Position,
    double EntryReturnProb,
    double EntryRiskScore,
    double EquityPeak);
