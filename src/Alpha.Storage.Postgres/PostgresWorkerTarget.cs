using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>
/// The worker's PostgreSQL relay target (DESIGN.md § 6 "Worker"): a delivery is one transaction that appends the bars
/// to <c>core.bars</c>, the signals to <c>core.signals_history</c> (known ids ignored) and <c>core.signals_live</c>
/// (an older signal never replaces a newer), the live scores to <c>core.live_scores</c>, and the engines' latest
/// checkpoints to <c>core.pair_checkpoints</c>. Every write is idempotent, so a redelivery changes nothing. Needs
/// migration 0002 (<see cref="DatabaseMigrator"/>).
/// </summary>
public sealed class PostgresWorkerTarget : IRelayTarget
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the target.</summary>
    public PostgresWorkerTarget(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public string Name => "postgres";

    /// <inheritdoc/>
    public async ValueTask DeliverAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using NpgsqlConnection connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, tx);
        var checkpoints = new Dictionary<(string, string), EngineCheckpoint>();
        foreach (OutboxEntry entry in entries)
        {
            AddBars(batch, entry.Batch.Bars);
            foreach (Signal signal in entry.Batch.Signals)
            {
                AddSignal(batch, signal);
            }

            foreach (LiveScore score in entry.Batch.Scores)
            {
                batch.BatchCommands.Add(Command(
                    """
                    INSERT INTO core.live_scores (model_id, pair_id, bar_time, model_version, inputs, return_prob, risk_score, entered)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING
                    """,
                    score.ModelId, score.PairId, Utc(score.BarTime), score.ModelVersion, score.Inputs.ToArray(), score.ReturnProb, score.RiskScore, score.Entered));
            }

            foreach (EngineCheckpoint checkpoint in entry.Batch.Checkpoints)
            {
                checkpoints[(checkpoint.ModelId, checkpoint.PairId)] = checkpoint;     // the last one wins
            }
        }

        foreach (EngineCheckpoint c in checkpoints.Values)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO core.pair_checkpoints (model_id, pair_id, model_version, watermark, checkpoint) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (model_id, pair_id) DO UPDATE
                SET model_version = excluded.model_version, watermark = excluded.watermark, checkpoint = excluded.checkpoint, updated_at = now()
                WHERE core.pair_checkpoints.watermark <= excluded.watermark
                """,
                c.ModelId, c.PairId, c.ModelVersion, Utc(c.Watermark), Json(CheckpointJson.Serialize(c))));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddBars(NpgsqlBatch batch, IList<SourcedBar> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }

        int n = bars.Count;
        var symbol = new string[n];
        var timeframe = new int[n];
        var time = new DateTime[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        for (int i = 0; i < n; i++)
        {
            (SourcedBar s, Bar b) = (bars[i], bars[i].Bar);
            (symbol[i], timeframe[i], time[i]) = (s.Symbol, (int)s.Timeframe.TotalSeconds, Utc(b.Time));
            (open[i], high[i], low[i], close[i], volume[i]) = (b.Open, b.High, b.Low, b.Close, b.Volume);
        }

        batch.BatchCommands.Add(Command(
            """
            INSERT INTO core.bars (symbol, timeframe_seconds, time, open, high, low, close, volume)
            SELECT * FROM unnest($1::text[], $2::integer[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])
            ON CONFLICT DO NOTHING
            """,
            symbol, timeframe, time, open, high, low, close, volume));
    }

    private static void AddSignal(NpgsqlBatch batch, Signal s)
    {
        string action = s.Action == SignalAction.Entry ? "entry" : "exit";
        NpgsqlParameter json = Json(SignalJson.Serialize(s));
        DateTime barTime = s.Timestamp.UtcDateTime;
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO core.signals_history (id, model_id, pair_id, action, reason, bar_time, model_version, signal)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING
            """,
            s.Id, s.ModelId, s.PairId, action, s.Reason, barTime, s.ModelVersion, json));
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO core.signals_live (model_id, pair_id, id, action, bar_time, model_version, signal) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (model_id, pair_id) DO UPDATE
            SET id = excluded.id, action = excluded.action, bar_time = excluded.bar_time, model_version = excluded.model_version, signal = excluded.signal, updated_at = now()
            WHERE core.signals_live.bar_time <= excluded.bar_time
            """,
            s.ModelId, s.PairId, s.Id, action, barTime, s.ModelVersion, Json(SignalJson.Serialize(s))));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlParameter Json(byte[] utf8) => new() { Value = System.Text.Encoding.UTF8.GetString(utf8), NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
