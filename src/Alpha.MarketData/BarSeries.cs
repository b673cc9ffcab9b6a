using System.Collections.Immutable;

namespace Alpha.MarketData;

/// <summary>
/// One instrument's bars in columns (structure of arrays), strictly increasing in time, with the line each bar
/// came from and the problems found while reading (lenient mode). Immutable.
/// </summary>
public sealed class BarSeries
{
    private readonly DateTime[] _time;
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;
    private readonly long[] _lines;

    internal BarSeries(string symbol, string source, DateTime[] time, double[] open, double[] high, double[] low, double[] close, double[] volume, long[] lines, ImmutableArray<BarIssue> issues)
    {
        Symbol = symbol;
        Source = source;
        _time = time;
        _open = open;
        _high = high;
        _low = low;
        _close = close;
        _volume = volume;
        _lines = lines;
        Issues = issues;
    }

    /// <summary>The instrument's symbol.</summary>
    public string Symbol { get; }

    /// <summary>Where the bars came from (file path or source name).</summary>
    public string Source { get; }

    /// <summary>Number of bars.</summary>
    public int Count => _time.Length;

    /// <summary>UTC open times, strictly increasing.</summary>
    public ReadOnlySpan<DateTime> Time => _time;

    /// <summary>Opening prices.</summary>
    public ReadOnlySpan<double> Open => _open;

    /// <summary>High prices.</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>Low prices.</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>Closing prices.</summary>
    public ReadOnlySpan<double> Close => _close;

    /// <summary>Volumes.</summary>
    public ReadOnlySpan<double> Volume => _volume;

    /// <summary>The 1-based source line of each bar (0 for bars not read from a file).</summary>
    public ReadOnlySpan<long> Lines => _lines;

    /// <summary>Problems found in lenient mode (skipped rows, flagged bars); empty in strict mode.</summary>
    public ImmutableArray<BarIssue> Issues { get; }

    /// <summary>Bar <paramref name="index"/> as a <see cref="Bar"/>.</summary>
    public Bar this[int index] => new(_time[index], _open[index], _high[index], _low[index], _close[index], _volume[index]);

    /// <summary>Builds a series from bars in memory (e.g. a database query), validated as a file would be.</summary>
    /// <exception cref="BarFormatException">A price is not finite and positive, high &lt; low, or times are not strictly increasing (the bar's index is reported as its line).</exception>
    public static BarSeries FromBars(string symbol, IEnumerable<Bar> bars, ValidationMode mode = ValidationMode.Strict)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(bars);
        var builder = new BarSeriesBuilder(symbol, symbol, mode, BarCsvReader.DefaultColumns);
        long index = 0;
        foreach (Bar bar in bars)
        {
            builder.Add(bar, ++index);
        }

        return builder.Build();
    }
}
