using System.Collections.Immutable;
using Alpha.Operations;
using Alpha.Retraining;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// The retrain requests the API records (<c>/ops/retrain</c>: pending <c>ops.retrain</c> rows of <c>core.ops_requests</c>
/// for the model id), taken by the retraining service: a take marks the row applied, resolved by the host, once.
/// </summary>
public sealed class PostgresRetrainRequests : IRetrainRequests
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the source.</summary>
    public PostgresRetrainRequests(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<RetrainRequest>> PendingAsync(string scheduleId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand(
            "SELECT id, model_id, requested_at, requested_by, reason FROM core.ops_requests WHERE status = 'pending' AND action = $1 AND model_id = $2 ORDER BY requested_at, id");
        command.Parameters.Add(new NpgsqlParameter { Value = OpsActions.Retrain });
        command.Parameters.Add(new NpgsqlParameter { Value = scheduleId });
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var requests = ImmutableArray.CreateBuilder<RetrainRequest>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            requests.Add(new RetrainRequest(r.GetGuid(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4)));
        }

        return requests.ToImmutable();
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TakeAsync(RetrainRequest request, string host, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using NpgsqlCommand command = _db.CreateCommand(
            "UPDATE core.ops_requests SET status = 'applied', resolved_by = $2, resolved_at = $3 WHERE id = $1 AND action = $4 AND status = 'pending'");
        command.Parameters.Add(new NpgsqlParameter { Value = request.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = host });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        command.Parameters.Add(new NpgsqlParameter { Value = OpsActions.Retrain });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
