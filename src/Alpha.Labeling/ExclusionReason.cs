namespace Alpha.Labeling;

/// <summary>Why a bar yields no training sample.</summary>
public enum ExclusionReason
{
    /// <summary>Some model input is not ready at the bar (warm-up, no segment, or a quarantined segment).</summary>
    NotReady,

    /// <summary>|z| is below the entry level.</summary>
    BelowEntry,

    /// <summary>|z| is above the entry maximum (too close to the stop).</summary>
    AboveEntryMax,

    /// <summary>The spread moves faster than the speed limit.</summary>
    TooFast,

    /// <summary>The label's horizon passes the end of the segment or of the data.</summary>
    IncompleteHorizon,
}
