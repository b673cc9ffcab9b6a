namespace Alpha.MarketData;

/// <summary>What alignment found in a pair's data; a training run stores it with its model (data_quality.json).</summary>
/// <param name="SymbolA">Leg A's symbol.</param>
/// <param name="SymbolB">Leg B's symbol.</param>
/// <param name="BarsReadA">Bars of leg A as given (whole file).</param>
/// <param name="BarsReadB">Bars of leg B as given.</param>
/// <param name="IssuesA">Problems reported while reading leg A (lenient mode).</param>
/// <param name="IssuesB">Problems reported while reading leg B.</param>
/// <param name="UnionBars">Timestamps of the union axis within the common period.</param>
/// <param name="CommonBars">Timestamps where both legs have a bar.</param>
/// <param name="FilledA">Bars of leg A forward-filled (flagged).</param>
/// <param name="FilledB">Bars of leg B forward-filled (flagged).</param>
/// <param name="ClosureRuns">Runs of one leg's missing bars treated as closures of both legs.</param>
/// <param name="ClosureBars">Timestamps dropped as closures.</param>
/// <param name="SplitBars">Timestamps dropped inside runs long enough to split the series.</param>
/// <param name="Segments">Contiguous segments of the aligned axis.</param>
/// <param name="OutliersA">Bars of leg A flagged as outliers.</param>
/// <param name="OutliersB">Bars of leg B flagged as outliers.</param>
/// <param name="QuarantinedSegments">Segments quarantined in strict mode.</param>
/// <param name="AlignedBars">Bars of the final axis.</param>
/// <param name="FirstTime">First timestamp of the final axis (UTC).</param>
/// <param name="LastTime">Last timestamp of the final axis (UTC).</param>
/// <param name="Timeframe">The bar timeframe (configured or inferred).</param>
/// <param name="MaxGapBars">The closure limit in bars.</param>
public sealed record DataQualityReport(
    string SymbolA,
    string SymbolB,
    int BarsReadA,
    int BarsReadB,
    int IssuesA,
    int IssuesB,
    int UnionBars,
    int CommonBars,
    int FilledA,
    int FilledB,
    int ClosureRuns,
    int ClosureBars,
    int SplitBars,
    int Segments,
    int OutliersA,
    int OutliersB,
    int QuarantinedSegments,
    int AlignedBars,
    DateTime FirstTime,
    DateTime LastTime,
    TimeSpan Timeframe,
    int MaxGapBars);
