using System.Collections.Immutable;

namespace Alpha.MarketData;

/// <summary>Collects validated bars into columns; applies the row rules shared by files and in-memory bars.</summary>
internal sealed class BarSeriesBuilder(string symbol, string source, ValidationMode mode, string[] columns, ICollection<BarIssue>? issueSink = null, bool keepBars = true)
{
    private readonly List<DateTime> _time = [];
    private readonly List<double> _open = [];
    private readonly List<double> _high = [];
    private readonly List<double> _low = [];
    private readonly List<double> _close = [];
    private readonly List<double> _volume = [];
    private readonly List<long> _lines = [];
    private readonly ImmutableArray<BarIssue>.Builder _issues = ImmutableArray.CreateBuilder<BarIssue>();
    private bool _hasLast;
    private DateTime _lastTime;
    private long _lastLine;

    /// <summary>Reports a problem in one of the bar's columns: throws in strict mode, records it in lenient mode.</summary>
    public void Problem(long line, int column, string problem, bool skipped) => Problem(line, columns[column], problem, skipped);

    /// <summary>Reports a problem in a column of the source that is not one of the bar's (e.g. the ask side of a quote file).</summary>
    public void Problem(long line, string column, string problem, bool skipped)
    {
        if (mode == ValidationMode.Strict)
        {
            throw new BarFormatException(source, line, column, problem);
        }

        var issue = new BarIssue(source, line, column, problem, skipped);
        _issues.Add(issue);
        issueSink?.Add(issue);
    }

    /// <summary>
    /// Validates a parsed bar (prices positive and finite, high ≥ low, time after the previous bar) and appends it
    /// when usable; returns whether it was kept.
    /// </summary>
    public bool Add(Bar bar, long line)
    {
        double[] prices = [bar.Open, bar.High, bar.Low, bar.Close];
        for (int c = 0; c < prices.Length; c++)
        {
            if (!double.IsFinite(prices[c]) || prices[c] <= 0)
            {
                Problem(line, c + 1, $"price {prices[c]} is not a positive finite number", skipped: true);
                return false;
            }
        }

        if (!double.IsFinite(bar.Volume) || bar.Volume < 0)
        {
            Problem(line, 5, $"volume {bar.Volume} is not a non-negative finite number", skipped: true);
            return false;
        }

        if (_hasLast && bar.Time <= _lastTime)
        {
            string what = bar.Time == _lastTime ? "duplicates" : "is before";
            Problem(line, 0, $"timestamp {bar.Time:yyyy-MM-dd HH:mm:ss} {what} the previous bar's {_lastTime:yyyy-MM-dd HH:mm:ss} (line {_lastLine})", skipped: true);
            return false;
        }

        if (bar.High < bar.Low)
        {
            Problem(line, 2, $"high {bar.High} is below low {bar.Low}", skipped: false);
        }
        else if (bar.Open > bar.High || bar.Open < bar.Low || bar.Close > bar.High || bar.Close < bar.Low)
        {
            Problem(line, bar.Open > bar.High || bar.Open < bar.Low ? 1 : 4, $"open {bar.Open} or close {bar.Close} lies outside [low {bar.Low}, high {bar.High}]", skipped: false);
        }

        _hasLast = true;
        _lastTime = bar.Time;
        _lastLine = line;
        if (!keepBars)
        {
            return true;
        }

        _time.Add(bar.Time);
        _open.Add(bar.Open);
        _high.Add(bar.High);
        _low.Add(bar.Low);
        _close.Add(bar.Close);
        _volume.Add(bar.Volume);
        _lines.Add(line);
        return true;
    }

    public BarSeries Build()
    {
        CheckTimeframe();
        return new BarSeries(symbol, source, [.. _time], [.. _open], [.. _high], [.. _low], [.. _close], [.. _volume], [.. _lines], _issues.ToImmutable());
    }

    // Mixed timeframes: every step must be a whole number of modal steps (weekends and holidays are).
    private void CheckTimeframe()
    {
        if (_time.Count < 3)
        {
            return;
        }

        TimeSpan step = Timeframes.ModalStep(_time);
        for (int i = 1; i < _time.Count; i++)
        {
            TimeSpan gap = _time[i] - _time[i - 1];
            if (gap.Ticks % step.Ticks != 0)
            {
                Problem(_lines[i], 0, $"step {gap} from the previous bar is not a multiple of the series' timeframe {step} (mixed timeframes)", skipped: false);
            }
        }
    }
}
