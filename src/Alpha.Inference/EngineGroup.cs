using System.Globalization;
using Alpha.MarketData;
using Alpha.Signals;
using Microsoft.Extensions.Logging;

namespace Alpha.Inference;

/// <summary>
/// The engines a worker serves together (a shard, or every engine of an unsharded worker) and one poll's processing: each
/// bar to the engines whose legs it is, stale bars expired, checkpoints of the engines that moved. A bar an engine refuses
/// (out of order) is logged and counted; an engine whose history cannot reproduce its checkpoint stops alone.
/// </summary>
internal sealed partial class EngineGroup
{
    private readonly Dictionary<(string Symbol, TimeSpan Timeframe), (int Engine, PairLeg Leg)[]> _routes;
    private readonly int[] _checkpointed;
    private readonly bool[] _failed;
    private readonly bool _expireStaleBars;
    private readonly TimeProvider _time;
    private readonly WorkerMetrics? _metrics;
    private readonly ILogger _logger;

    public EngineGroup(string name, IReadOnlyList<PairEngine> engines, bool expireStaleBars, TimeProvider time, WorkerMetrics? metrics, ILogger logger)
    {
        (Name, Engines, _expireStaleBars, _time, _metrics, _logger) = (name, engines, expireStaleBars, time, metrics, logger);
        _routes = engines
            .SelectMany((e, i) => new[] { (Key: (e.Options.LegA.Symbol, e.Options.Timeframe), Route: (i, PairLeg.A)), (Key: (e.Options.LegB.Symbol, e.Options.Timeframe), Route: (i, PairLeg.B)) })
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Route).ToArray());
        _checkpointed = [.. engines.Select(e => e.WatermarkIndex)];
        _failed = new bool[engines.Count];
    }

    public string Name { get; }

    public IReadOnlyList<PairEngine> Engines { get; }

    /// <summary>Runs the poll's bars through the engines; the signals, live scores and checkpoints go into <paramref name="batch"/>.</summary>
    public void Process(OutboxBatch batch)
    {
        for (int k = 0; k < batch.Bars.Count; k++)
        {
            SourcedBar bar = batch.Bars[k];
            if (!_routes.TryGetValue((bar.Symbol, bar.Timeframe), out (int Engine, PairLeg Leg)[]? routes))
            {
                continue;   // a symbol no engine trades: still stored (core.bars)
            }

            foreach ((int i, PairLeg leg) in routes)
            {
                if (_failed[i])
                {
                    continue;
                }

                long start = _time.GetTimestamp();
                try
                {
                    Engines[i].Add(leg, bar.Bar, batch.Signals, batch.Scores);
                }
                catch (Exception e) when (e is AlignmentOrderException or InvalidDataException)
                {
                    Refused(i, bar, e);
                }

                _metrics?.Processed(_time.GetElapsedTime(start));
            }
        }

        if (_expireStaleBars)
        {
            DateTime now = _time.GetUtcNow().UtcDateTime;
            for (int i = 0; i < Engines.Count; i++)
            {
                try
                {
                    if (!_failed[i])
                    {
                        Engines[i].Expire(now, batch.Signals, batch.Scores);
                    }
                }
                catch (InvalidDataException e)
                {
                    Refused(i, null, e);
                }
            }
        }

        for (int i = 0; i < Engines.Count; i++)
        {
            if (Engines[i].WatermarkIndex != _checkpointed[i])
            {
                batch.Checkpoints.Add(Engines[i].Checkpoint());
                _checkpointed[i] = Engines[i].WatermarkIndex;
            }
        }
    }

    private void Refused(int i, SourcedBar? bar, Exception e)
    {
        PairEngineOptions o = Engines[i].Options;
        if (e is AlignmentOrderException)
        {
            _metrics?.Rejected(o.PairId);
            LogRejected(_logger, o.ModelId, o.PairId, bar?.Symbol ?? "", bar is { } b ? b.Bar.Time.ToString("O", CultureInfo.InvariantCulture) : "", e.Message);
        }
        else
        {
            _failed[i] = true;
            LogStopped(_logger, o.ModelId, o.PairId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ModelId} on {PairId} refused the {Symbol} bar at {BarTime}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string modelId, string pairId, string symbol, string barTime, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ModelId} on {PairId} stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, string modelId, string pairId, string reason);
}
