namespace Alpha.MarketData;

/// <summary>
/// One final bar of the aligned axis, as <see cref="PairAlignmentState"/> emits it: both legs' OHLC (a filled leg
/// repeats its last close), the fill and outlier flags, and the segment (−1: a bar inside a split gap, in no segment).
/// </summary>
/// <param name="Time">Bar open time, UTC.</param>
/// <param name="OpenA">Leg A's open.</param>
/// <param name="HighA">Leg A's high.</param>
/// <param name="LowA">Leg A's low.</param>
/// <param name="CloseA">Leg A's close.</param>
/// <param name="OpenB">Leg B's open.</param>
/// <param name="HighB">Leg B's high.</param>
/// <param name="LowB">Leg B's low.</param>
/// <param name="CloseB">Leg B's close.</param>
/// <param name="FilledA">Leg A had no bar here: forward-filled.</param>
/// <param name="FilledB">Leg B had no bar here: forward-filled.</param>
/// <param name="OutlierA">Leg A's return here is an outlier.</param>
/// <param name="OutlierB">Leg B's return here is an outlier.</param>
/// <param name="Segment">The segment, counted from 0 in order; −1 inside a split gap.</param>
/// <param name="Stale">Finalised because <c>stale_after</c> passed before a leg reached it (live only; the filled leg is stale).</param>
public readonly record struct AlignedBar(
    DateTime Time,
    double OpenA,
    double HighA,
    double LowA,
    double CloseA,
    double OpenB,
    double HighB,
    double LowB,
    double CloseB,
    bool FilledA,
    bool FilledB,
    bool OutlierA,
    bool OutlierB,
    int Segment,
    bool Stale);
