using Alpha.MarketData;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// The live bars the worker stored in <c>core.bars</c>, read back as series: what monitoring replays and retraining can
/// train on. Bars are validated as any file's are (strictly: a bar with low above high is an error naming it).
/// </summary>
public sealed class PostgresBarStore
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresBarStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <summary>Every stored bar of <paramref name="symbol"/> at <paramref name="timeframe"/>, oldest first (times UTC).</summary>
    /// <exception cref="InvalidDataException">No bar of that symbol and timeframe is stored.</exception>
    public async Task<BarSeries> ReadAsync(string symbol, TimeSpan timeframe, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeframe, TimeSpan.Zero);
        await using NpgsqlCommand command = _db.CreateCommand(
            "SELECT time, open, high, low, close, volume FROM core.bars WHERE symbol = $1 AND timeframe_seconds = $2 ORDER BY time");
        command.Parameters.Add(new NpgsqlParameter { Value = symbol });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)timeframe.TotalSeconds });
        var bars = new List<Bar>();
        await using (NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                bars.Add(new Bar(r.GetFieldValue<DateTimeOffset>(0).UtcDateTime, r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5)));
            }
        }

        return bars.Count > 0
            ? BarSeries.FromBars(symbol, bars)
            : throw new InvalidDataException($"core.bars holds no {symbol} bar at {timeframe.TotalSeconds:0} s.");
    }
}
