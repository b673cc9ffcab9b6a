using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>What the worker recorded, read for analytics (Alpha.Storage.Postgres reads its tables).</summary>
public interface IOperationsStore
{
    /// <summary>Signals and fills per model and pair since <paramref name="since"/>.</summary>
    ValueTask<ImmutableArray<PairActivity>> ActivityAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Live scores per model, pair and version since <paramref name="since"/>.</summary>
    ValueTask<ImmutableArray<ScoreActivity>> ScoresAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The live bars per symbol and timeframe, with their lag behind <paramref name="now"/>.</summary>
    ValueTask<ImmutableArray<BarCoverage>> BarsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every host's last heartbeat, with its age at <paramref name="now"/>.</summary>
    ValueTask<ImmutableArray<HostHeartbeat>> HeartbeatsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every engine's last stored checkpoint.</summary>
    /// <exception cref="InvalidDataException">A checkpoint is malformed (named).</exception>
    ValueTask<ImmutableArray<PairPosition>> PositionsAsync(CancellationToken cancellationToken);
}
