using System.Collections.Immutable;

namespace Alpha.MarketData;

/// <summary>
/// Two legs on one bar axis (see <see cref="PairAligner"/>): per bar the UTC time, both legs' OHLC, whether a
/// leg's bar was forward-filled or is an outlier, and the segment it belongs to. No feature window or label may
/// span two segments or reach a bar outside every segment. Immutable.
/// </summary>
public sealed class AlignedPair
{
    private readonly DateTime[] _time;
    private readonly double[][] _a;
    private readonly double[][] _b;
    private readonly bool[] _filledA;
    private readonly bool[] _filledB;
    private readonly bool[] _outlierA;
    private readonly bool[] _outlierB;
    private readonly int[] _segment;

    internal AlignedPair(DateTime[] time, double[][] a, double[][] b, bool[] filledA, bool[] filledB, bool[] outlierA, bool[] outlierB, int[] segment, ImmutableArray<SegmentRange> segments, ImmutableArray<bool> quarantined, DataQualityReport report)
    {
        _time = time;
        _a = a;
        _b = b;
        _filledA = filledA;
        _filledB = filledB;
        _outlierA = outlierA;
        _outlierB = outlierB;
        _segment = segment;
        Segments = segments;
        QuarantinedSegments = quarantined;
        Report = report;
    }

    /// <summary>Number of bars on the aligned axis.</summary>
    public int Count => _time.Length;

    /// <summary>UTC bar open times, strictly increasing.</summary>
    public ReadOnlySpan<DateTime> Time => _time;

    /// <summary>Leg A opening prices.</summary>
    public ReadOnlySpan<double> OpenA => _a[0];

    /// <summary>Leg A high prices.</summary>
    public ReadOnlySpan<double> HighA => _a[1];

    /// <summary>Leg A low prices.</summary>
    public ReadOnlySpan<double> LowA => _a[2];

    /// <summary>Leg A closing prices.</summary>
    public ReadOnlySpan<double> CloseA => _a[3];

    /// <summary>Leg B opening prices.</summary>
    public ReadOnlySpan<double> OpenB => _b[0];

    /// <summary>Leg B high prices.</summary>
    public ReadOnlySpan<double> HighB => _b[1];

    /// <summary>Leg B low prices.</summary>
    public ReadOnlySpan<double> LowB => _b[2];

    /// <summary>Leg B closing prices.</summary>
    public ReadOnlySpan<double> CloseB => _b[3];

    /// <summary>Whether leg A's bar was forward-filled (O = H = L = C = its last close).</summary>
    public ReadOnlySpan<bool> FilledA => _filledA;

    /// <summary>Whether leg B's bar was forward-filled.</summary>
    public ReadOnlySpan<bool> FilledB => _filledB;

    /// <summary>Whether leg A's return into this bar is an outlier (flagged, never altered).</summary>
    public ReadOnlySpan<bool> OutlierA => _outlierA;

    /// <summary>Whether leg B's return into this bar is an outlier.</summary>
    public ReadOnlySpan<bool> OutlierB => _outlierB;

    /// <summary>The segment of each bar (0, 1, …), or −1 for the forward-filled bars of a run long enough to split the series.</summary>
    public ReadOnlySpan<int> Segment => _segment;

    /// <summary>The bar range of each segment, in order.</summary>
    public ImmutableArray<SegmentRange> Segments { get; }

    /// <summary>Per segment: quarantined by an outlier in strict mode (no samples are taken from it).</summary>
    public ImmutableArray<bool> QuarantinedSegments { get; }

    /// <summary>What alignment found.</summary>
    public DataQualityReport Report { get; }
}
