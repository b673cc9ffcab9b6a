using System.Globalization;
using Alpha.Inference;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>Heartbeats in <c>core.heartbeats</c>: the last one of each (host, service), with what it had done.</summary>
public sealed class PostgresHeartbeatSink : IHeartbeatSink
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the sink.</summary>
    public PostgresHeartbeatSink(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask BeatAsync(Heartbeat heartbeat, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        string details = string.Create(CultureInfo.InvariantCulture,
            $"{{\"engines\":{heartbeat.Engines},\"bars_received\":{heartbeat.BarsReceived},\"signals_emitted\":{heartbeat.SignalsEmitted},\"outbox_pending\":{heartbeat.OutboxPending},\"ttl_seconds\":{(long)timeToLive.TotalSeconds}}}");
        await using NpgsqlCommand command = _db.CreateCommand(
            """
            INSERT INTO core.heartbeats (host, service, seen_at, details) VALUES ($1, $2, $3, $4)
            ON CONFLICT (host, service) DO UPDATE SET seen_at = excluded.seen_at, details = excluded.details
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = heartbeat.Host });
        command.Parameters.Add(new NpgsqlParameter { Value = heartbeat.Service });
        command.Parameters.Add(new NpgsqlParameter { Value = heartbeat.At.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = details, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
