using Alpha.MarketData;

namespace Alpha.Inference;

/// <summary>
/// A finite bar source over stored series (the embedded worker's CSV replay): every bar of every series, merged in
/// time order as they would have arrived live — at equal times in the order the series are given — in batches.
/// </summary>
public sealed class ReplayBarSource : IBarSource
{
    private readonly (BarSeries Series, TimeSpan Timeframe)[] _series;
    private readonly int[] _next;
    private readonly int _batchSize;

    /// <summary>Creates the source.</summary>
    /// <param name="series">The series (each symbol's bars, in time order) with their timeframe.</param>
    /// <param name="batchSize">Bars per read; the default 256.</param>
    public ReplayBarSource(IEnumerable<(BarSeries Series, TimeSpan Timeframe)> series, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _series = [.. series];
        _next = new int[_series.Length];
        _batchSize = batchSize;
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReadAsync(ICollection<SourcedBar> bars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        cancellationToken.ThrowIfCancellationRequested();
        for (int n = 0; n < _batchSize; n++)
        {
            int pick = -1;
            for (int k = 0; k < _series.Length; k++)
            {
                if (_next[k] < _series[k].Series.Count && (pick < 0 || _series[k].Series.Time[_next[k]] < _series[pick].Series.Time[_next[pick]]))
                {
                    pick = k;
                }
            }

            if (pick < 0)
            {
                return ValueTask.FromResult(false);
            }

            (BarSeries s, TimeSpan timeframe) = _series[pick];
            bars.Add(new SourcedBar(s.Symbol, timeframe, s[_next[pick]++]));
        }

        return ValueTask.FromResult(true);
    }
}
