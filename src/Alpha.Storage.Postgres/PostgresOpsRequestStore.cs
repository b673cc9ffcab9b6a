using System.Collections.Immutable;
using Alpha.Operations;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// Requests that wait, in <c>core.ops_requests</c>. A vote runs in one transaction under a transaction-level advisory lock
/// on the request's action and scope, so two approvers voting at once cannot both open a request.
/// </summary>
public sealed class PostgresOpsRequestStore : IOpsRequestStore
{
    private const string Columns = "id, action, model_id, pair_id, leverage_scale, reason, requested_by, requested_role, requested_at, status, resolved_by, resolved_at";
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresOpsRequestStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<OpsVote> VoteAsync(OpsRequest request, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using NpgsqlConnection connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", cancellationToken, $"ops_requests|{request.Action}|{request.Scope}").ConfigureAwait(false);
        await ExecuteAsync(
            connection, tx,
            "UPDATE core.ops_requests SET status = 'expired' WHERE status = 'pending' AND action = $1 AND model_id = $2 AND pair_id = $3 AND requested_at < $4",
            cancellationToken, request.Action, request.Scope.ModelId, request.Scope.PairId, since).ConfigureAwait(false);
        OpsRequest? pending = null;
        await using (var find = new NpgsqlCommand(
            $"""
            SELECT {Columns} FROM core.ops_requests
            WHERE status = 'pending' AND action = $1 AND model_id = $2 AND pair_id = $3 AND leverage_scale IS NOT DISTINCT FROM $4
            ORDER BY (requested_by = $5), requested_at LIMIT 1
            """, connection, tx))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = request.Action });
            find.Parameters.Add(new NpgsqlParameter { Value = request.Scope.ModelId });
            find.Parameters.Add(new NpgsqlParameter { Value = request.Scope.PairId });
            find.Parameters.Add(new NpgsqlParameter { Value = (object?)request.LeverageScale ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
            find.Parameters.Add(new NpgsqlParameter { Value = request.RequestedBy.Name });

            await using NpgsqlDataReader reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pending = Read(reader);
            }
        }

        OpsVote vote;
        if (pending is not null && pending.RequestedBy.Name == request.RequestedBy.Name)
        {
            vote = new OpsVote(pending, Approved: false, Repeated: true);
        }
        else if (pending is not null)
        {
            await ExecuteAsync(
                connection, tx, "UPDATE core.ops_requests SET status = 'applied', resolved_by = $2, resolved_at = $3 WHERE id = $1",
                cancellationToken, pending.Id, request.RequestedBy.Name, request.RequestedAt).ConfigureAwait(false);
            vote = new OpsVote(pending with { Status = OpsRequestStatus.Applied, ResolvedBy = request.RequestedBy.Name, ResolvedAt = request.RequestedAt }, Approved: true, Repeated: false);
        }
        else
        {
            await InsertAsync(connection, tx, request, cancellationToken).ConfigureAwait(false);
            vote = new OpsVote(request, Approved: false, Repeated: false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return vote;
    }

    /// <inheritdoc/>
    public async ValueTask AddAsync(OpsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using NpgsqlConnection connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, null, request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<OpsRequest>> PendingAsync(string? action, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand($"SELECT {Columns} FROM core.ops_requests WHERE status = 'pending' AND ($1::text IS NULL OR action = $1) ORDER BY requested_at, id");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)action ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var requests = ImmutableArray.CreateBuilder<OpsRequest>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            requests.Add(Read(reader));
        }

        return requests.ToImmutable();
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, OpsRequest r, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            connection, tx, $"INSERT INTO core.ops_requests ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", cancellationToken,
            r.Id, r.Action, r.Scope.ModelId, r.Scope.PairId, r.LeverageScale, r.Reason, r.RequestedBy.Name, OperatorRoles.Name(r.RequestedBy.Role), r.RequestedAt,
            Status(r.Status), r.ResolvedBy, r.ResolvedAt).ConfigureAwait(false);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (object? value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static OpsRequest Read(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        new OpsScope(r.GetString(2), r.GetString(3)),
        r.IsDBNull(4) ? null : r.GetDouble(4),
        r.GetString(5),
        new OperatorIdentity(r.GetString(6), OperatorRoles.Parse(r.GetString(7))),
        r.GetFieldValue<DateTimeOffset>(8),
        r.GetString(9) switch
        {
            "pending" => OpsRequestStatus.Pending,
            "applied" => OpsRequestStatus.Applied,
            "expired" => OpsRequestStatus.Expired,
            string other => throw new InvalidDataException($"core.ops_requests {r.GetGuid(0)}: '{other}' is not a status."),
        },
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11));

    private static string Status(OpsRequestStatus status) => status switch
    {
        OpsRequestStatus.Pending => "pending",
        OpsRequestStatus.Applied => "applied",
        OpsRequestStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a request status."),
    };
}
