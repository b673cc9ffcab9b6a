using System.Globalization;
using Alpha.Inference;
using Microsoft.Data.Sqlite;

namespace Alpha.Storage.Sqlite;

/// <summary>
/// The worker's outbox in one local SQLite file (DESIGN.md § 6 "Worker"): WAL journal, <c>synchronous=FULL</c> (a
/// committed batch survives a power cut), exclusive to one process. A batch is one row (<see cref="OutboxJson"/>),
/// written in the same transaction as the latest checkpoint of every engine it moved; each relay target has a cursor;
/// rows every target has delivered are deleted. Thread-safe (calls are serialised).
/// </summary>
public sealed class SqliteOutbox : IOutbox, IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteOutbox(string path, SqliteConnection connection) => (Path, _connection) = (path, connection);

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (or creates) the outbox at <paramref name="path"/> for exactly <paramref name="targets"/>: a new target
    /// starts with every row still held; the cursor of a target no longer listed is dropped (so rows can be pruned).
    /// </summary>
    /// <exception cref="ArgumentException">No target is named.</exception>
    /// <exception cref="IOException">Another process has the outbox open, or the file is not an outbox of this version.</exception>
    public static SqliteOutbox Open(string path, IEnumerable<string> targets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(targets);
        string[] names = [.. targets.Distinct(StringComparer.Ordinal)];
        if (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("An outbox needs at least one relay target, each named.", nameof(targets));
        }

        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 2 }.ToString());
        try
        {
            connection.Open();
            Execute(connection, null, "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            using (SqliteTransaction tx = connection.BeginTransaction())   // takes the exclusive lock now
            {
                Execute(connection, tx, """
                    CREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, payload BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS outbox_cursors (target TEXT PRIMARY KEY, delivered INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS engine_checkpoints (model_id TEXT NOT NULL, pair_id TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (model_id, pair_id));
                    INSERT OR IGNORE INTO outbox_meta (key, value) VALUES ('schema_version', '1');
                    """);
                string version = Convert.ToString(Scalar(connection, tx, "SELECT value FROM outbox_meta WHERE key = 'schema_version'"), CultureInfo.InvariantCulture)!;
                if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                {
                    throw new IOException($"{full} is an outbox of schema {version}; this version reads schema {SchemaVersion}.");
                }

                Execute(connection, tx, $"DELETE FROM outbox_cursors WHERE target NOT IN ({string.Join(", ", names.Select((_, i) => $"$t{i}"))})", names.Select((n, i) => ($"$t{i}", (object)n)).ToArray());
                foreach (string name in names)
                {
                    Execute(connection, tx, "INSERT OR IGNORE INTO outbox_cursors (target, delivered) VALUES ($t, 0)", ("$t", name));
                }

                tx.Commit();
            }

            return new SqliteOutbox(full, connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)    // SQLITE_BUSY, SQLITE_LOCKED
        {
            connection.Dispose();
            throw new IOException($"The outbox {full} is in use by another process (one worker per outbox).", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26)        // SQLITE_NOTADB
        {
            connection.Dispose();
            throw new IOException($"{full} is not an SQLite outbox: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<long> AppendAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        byte[] payload = OutboxJson.Serialize(batch);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            long sequence = (long)Scalar(_connection, tx, "INSERT INTO outbox (payload) VALUES ($p) RETURNING seq", ("$p", payload))!;
            foreach (EngineCheckpoint c in batch.Checkpoints)
            {
                Execute(_connection, tx, "INSERT INTO engine_checkpoints (model_id, pair_id, payload) VALUES ($m, $p, $c) ON CONFLICT (model_id, pair_id) DO UPDATE SET payload = excluded.payload",
                    ("$m", c.ModelId), ("$p", c.PairId), ("$c", CheckpointJson.Serialize(c)));
            }

            tx.Commit();
            return sequence;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<EngineCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var checkpoints = new List<EngineCheckpoint>();
            using SqliteCommand command = Command(_connection, null, "SELECT model_id, pair_id, payload FROM engine_checkpoints ORDER BY model_id, pair_id");
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                try
                {
                    checkpoints.Add(CheckpointJson.Parse((byte[])reader.GetValue(2)));
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"{Path}: the checkpoint of {reader.GetString(0)} on {reader.GetString(1)} is unreadable: {e.Message}", e);
                }
            }

            return checkpoints;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<OutboxEntry>> ReadPendingAsync(string target, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long cursor = Cursor(target);
            var entries = new List<OutboxEntry>();
            using SqliteCommand command = Command(_connection, null, "SELECT seq, payload FROM outbox WHERE seq > $c ORDER BY seq LIMIT $n", ("$c", cursor), ("$n", max));
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                long sequence = reader.GetInt64(0);
                try
                {
                    entries.Add(new OutboxEntry(sequence, OutboxJson.Parse((byte[])reader.GetValue(1))));
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"{Path}: outbox entry {sequence} is unreadable: {e.Message}", e);
                }
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask MarkDeliveredAsync(string target, long sequence, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _ = Cursor(target);
            using SqliteTransaction tx = _connection.BeginTransaction();
            Execute(_connection, tx, "UPDATE outbox_cursors SET delivered = max(delivered, $s) WHERE target = $t", ("$s", sequence), ("$t", target));
            Execute(_connection, tx, "DELETE FROM outbox WHERE seq <= (SELECT min(delivered) FROM outbox_cursors)");
            tx.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<long> CountPendingAsync(string target, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (long)Scalar(_connection, null, "SELECT count(*) FROM outbox WHERE seq > $c", ("$c", Cursor(target)))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file (the exclusive lock goes with it).</summary>
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private long Cursor(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return Scalar(_connection, null, "SELECT delivered FROM outbox_cursors WHERE target = $t", ("$t", target)) is long cursor
            ? cursor
            : throw new ArgumentException($"'{target}' is not a target this outbox was opened for.", nameof(target));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = Command(connection, tx, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = Command(connection, tx, sql, parameters);
        return command.ExecuteScalar();
    }
}
