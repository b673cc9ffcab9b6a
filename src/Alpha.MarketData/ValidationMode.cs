namespace Alpha.MarketData;

/// <summary>What to do with bad input: fail at the first problem, or keep going and report it.</summary>
public enum ValidationMode
{
    /// <summary>The first problem throws a <see cref="BarFormatException"/> (readers) or quarantines a segment (outliers in alignment).</summary>
    Strict,

    /// <summary>Unusable rows are skipped, suspicious bars kept and flagged; every problem is reported.</summary>
    Lenient,
}
