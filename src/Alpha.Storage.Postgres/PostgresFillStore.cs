using Alpha.Inference;
using Alpha.Signals;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>Fills in <c>core.live_trades</c>, one row per fill id (a fill stored twice is kept once).</summary>
public sealed class PostgresFillStore : IFillStore
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresFillStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask StoreAsync(IReadOnlyList<Fill> fills, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fills);
        if (fills.Count == 0)
        {
            return;
        }

        await using NpgsqlCommand command = _db.CreateCommand(
            """
            INSERT INTO core.live_trades (fill_id, signal_id, symbol, side, quantity, price, filled_at, commission)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::timestamptz[], $8::float8[])
            ON CONFLICT (fill_id) DO NOTHING
            """);
        foreach (object column in (object[])
        [
            fills.Select(f => f.FillId).ToArray(), fills.Select(f => f.SignalId).ToArray(), fills.Select(f => f.Symbol).ToArray(),
            fills.Select(f => f.Side == LegSide.Buy ? "buy" : "sell").ToArray(), fills.Select(f => f.Quantity).ToArray(), fills.Select(f => f.Price).ToArray(),
            fills.Select(f => f.FilledAt.UtcDateTime).ToArray(), fills.Select(f => f.Commission).ToArray(),
        ])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = column });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
