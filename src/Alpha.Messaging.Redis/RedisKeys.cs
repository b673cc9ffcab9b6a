using Alpha.MarketData;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// The Redis keys and channels of the worker (docs/worker.md), all under one prefix so several deployments (or test
/// classes) can share a server: bar streams <c>{prefix}bars:{symbol}:{timeframe}</c> (e.g. <c>bars:AUDUSD:4h</c>),
/// their dead letters <c>{prefix}bars:dead</c> and nudge channel <c>{prefix}bars:nudge</c>; the signals stream
/// <c>{prefix}signals</c>, the latest signal per model and pair in the hash <c>{prefix}signals:latest</c> (field
/// <c>{model_id}|{pair_id}</c>, its bar time in <c>{prefix}signals:latest_time</c>), the notification channel
/// <c>{prefix}signals:notify</c>, the delivery guards <c>{prefix}sig:{id}</c>, the operator flags
/// <c>{prefix}core:ops:flags</c> and heartbeats <c>{prefix}heartbeat:{service}:{host}</c>.
/// </summary>
/// <param name="Prefix">Prepended to every key and channel; the default is none.</param>
public sealed record RedisKeys(string Prefix = "")
{
    /// <summary>The stream of one symbol's bars at one timeframe.</summary>
    public RedisKey Bars(string symbol, TimeSpan timeframe) => $"{Prefix}bars:{symbol}:{Timeframes.Format(timeframe)}";

    /// <summary>The dead-letter stream of bar messages that could not be read.</summary>
    public RedisKey DeadLetters => $"{Prefix}bars:dead";

    /// <summary>The channel a feeder publishes to after adding bars (the worker polls at once).</summary>
    public RedisChannel BarNudge => RedisChannel.Literal($"{Prefix}bars:nudge");

    /// <summary>The signals stream.</summary>
    public RedisKey Signals => $"{Prefix}signals";

    /// <summary>The hash of the latest signal (JSON) per <c>{model_id}|{pair_id}</c>.</summary>
    public RedisKey LatestSignals => $"{Prefix}signals:latest";

    /// <summary>The hash of the latest signal's bar time (Unix ms) per <c>{model_id}|{pair_id}</c>.</summary>
    public RedisKey LatestSignalTimes => $"{Prefix}signals:latest_time";

    /// <summary>The channel a delivered signal's id is published on.</summary>
    public RedisChannel SignalNotify => RedisChannel.Literal($"{Prefix}signals:notify");

    /// <summary>The stream of fills the trading side reports.</summary>
    public RedisKey Fills => $"{Prefix}fills";

    /// <summary>The dead-letter stream of fill messages that could not be read.</summary>
    public RedisKey FillDeadLetters => $"{Prefix}fills:dead";

    /// <summary>The hash of operator flags, field <c>{model_id}|{pair_id}</c> (<c>*</c> for any).</summary>
    public RedisKey OpsFlags => $"{Prefix}core:ops:flags";

    /// <summary>The hash of each engine's latest delivered checkpoint, field <c>{model_id}|{pair_id}</c>, value its JSON.</summary>
    public RedisKey Checkpoints => $"{Prefix}checkpoints";

    /// <summary>The hash of those checkpoints' watermarks (ticks), which only ever move forward.</summary>
    public RedisKey CheckpointWatermarks => $"{Prefix}checkpoints:watermark";

    /// <summary>The lease of <paramref name="shard"/>: a string holding its owner, with a TTL (<c>SET NX PX</c>).</summary>
    public RedisKey ShardLease(string shard) => $"{Prefix}lease:shard:{shard}";

    /// <summary>The heartbeat key of <paramref name="service"/> on <paramref name="host"/> (a string with a TTL).</summary>
    public RedisKey Heartbeat(string service, string host) => $"{Prefix}heartbeat:{service}:{host}";

    /// <summary>The guard that makes a signal's delivery happen once.</summary>
    public RedisKey Guard(string signalId) => $"{Prefix}sig:{signalId}";
}
