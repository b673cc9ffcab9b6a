using System.Collections.Immutable;
using System.Text;
using Alpha.Operations;
using Alpha.Signals;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>The signal history in <c>core.signals_history</c>, paged newest first by (bar time, id) — keyset paging, so a page costs the same at any depth.</summary>
public sealed class PostgresSignalHistory : ISignalHistory
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the reader.</summary>
    public PostgresSignalHistory(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<SignalPage> PageAsync(SignalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, 500);
        await using NpgsqlCommand command = _db.CreateCommand("""
            SELECT id, bar_time, signal::text FROM core.signals_history
            WHERE ($1::text IS NULL OR model_id = $1) AND ($2::text IS NULL OR pair_id = $2) AND ($3::text IS NULL OR action = $3)
              AND ($4::timestamptz IS NULL OR bar_time >= $4) AND ($5::timestamptz IS NULL OR bar_time < $5)
              AND ($6::timestamptz IS NULL OR (bar_time, id) < ($6, $7::text))
            ORDER BY bar_time DESC, id DESC LIMIT $8
            """);
        command.Parameters.Add(Text(query.ModelId));
        command.Parameters.Add(Text(query.PairId));
        command.Parameters.Add(Text(query.Action switch { SignalAction.Entry => "entry", SignalAction.Exit => "exit", _ => null }));
        command.Parameters.Add(Time(query.From));
        command.Parameters.Add(Time(query.To));
        command.Parameters.Add(Time(query.After?.BarTime));
        command.Parameters.Add(Text(query.After?.Id));
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit + 1 });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var signals = ImmutableArray.CreateBuilder<Signal>(query.Limit);
        SignalCursor? next = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (signals.Count == query.Limit)
            {
                Signal last = signals[^1];
                next = new SignalCursor(last.Timestamp.UtcDateTime, last.Id);
                break;
            }

            try
            {
                signals.Add(SignalJson.Parse(Encoding.UTF8.GetBytes(reader.GetString(2))));
            }
            catch (SignalFormatException e)
            {
                throw new InvalidDataException($"core.signals_history {reader.GetString(0)}: not a signal ({e.Message}).", e);
            }
        }

        return new SignalPage(signals.ToImmutable(), next);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTime? value) => new() { Value = value is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
