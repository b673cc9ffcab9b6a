using Alpha.Backtesting;
using Alpha.MarketData;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>Replays two legs' stored bars through a <see cref="PairEngine"/>, as they would have arrived live: in time order, leg A first at equal times.</summary>
public static class PairReplay
{
    /// <summary>Feeds every bar of <paramref name="a"/> and <paramref name="b"/> and returns the signals, in order.</summary>
    /// <param name="engine">The engine (fresh, or restored from a checkpoint).</param>
    /// <param name="a">Leg A's bars.</param>
    /// <param name="b">Leg B's bars.</param>
    /// <param name="progress">Receives the number of bars fed, every 4,096 bars and at the end.</param>
    /// <param name="scores">When given, receives the model's inputs and probabilities at every bar scored.</param>
    /// <param name="cancellationToken">Checked every 4,096 bars.</param>
    public static List<Signal> Run(PairEngine engine, BarSeries a, BarSeries b, IProgress<int>? progress = null, ICollection<LiveScore>? scores = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var signals = new List<Signal>();
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a.Time[i] <= b.Time[j]))
            {
                engine.Add(PairLeg.A, a[i++], signals, scores);
            }
            else
            {
                engine.Add(PairLeg.B, b[j++], signals, scores);
            }

            if (((i + j) & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(i + j);
            }
        }

        progress?.Report(i + j);
        return signals;
    }

    /// <summary>
    /// The backtest's trades a replay of the same version, data and θ must equal, in order: every trade closed by the
    /// engine's watermark, less the one the backtest closes at the end of the data (live, it is still open).
    /// </summary>
    public static Trade[] ExpectedTrades(BacktestResult backtest, PairEngine engine)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        ArgumentNullException.ThrowIfNull(engine);
        return [.. backtest.Trades.Where(t => t.ExitReason != ExitReason.EndOfData && t.ExitBar <= engine.WatermarkIndex)];
    }
}
