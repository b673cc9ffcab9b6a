using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alpha.Inference;
using Alpha.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Operations;

/// <summary>
/// The operations of DESIGN.md § 6 on the operator flags and the registry: halt (soft or hard), flatten, resume (two
/// distinct approvers within <see cref="OpsDeskOptions.ResumeApprovalWindow"/>; a leverage scale below 1 resumes as a
/// canary), rollback, retrain request. Each checks the operator's role (<see cref="OpsActions.RequiredRole"/>) and the
/// scope against the catalogue, writes the flag stores in order (the durable one first, so a failure part-way leaves the
/// durable copy ahead, never behind), and appends one audit record whatever the outcome.
/// </summary>
public sealed partial class OpsDesk
{
    private readonly OpsDeskOptions _options;
    private readonly ModelCatalogue _catalogue;
    private readonly ModelRegistry _registry;
    private readonly IReadOnlyList<IOpsFlagStore> _flags;
    private readonly IOpsRequestStore _requests;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the desk.</summary>
    /// <param name="options">Settings (validated).</param>
    /// <param name="catalogue">The models a scope may name.</param>
    /// <param name="registry">Rollbacks go through it.</param>
    /// <param name="flagStores">Where flags are written, in order: the durable store first (PostgreSQL), then the fast one (Redis).</param>
    /// <param name="requests">Pending resumes and retrain requests.</param>
    /// <param name="audit">The audit log.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Logs failures (never a key or a secret).</param>
    public OpsDesk(
        OpsDeskOptions options,
        ModelCatalogue catalogue,
        ModelRegistry registry,
        IReadOnlyList<IOpsFlagStore> flagStores,
        IOpsRequestStore requests,
        IAuditLog audit,
        TimeProvider timeProvider,
        ILogger<OpsDesk>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(flagStores);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        if (flagStores.Count == 0)
        {
            throw new ArgumentException("At least one flag store is needed.", nameof(flagStores));
        }

        (_options, _catalogue, _registry, _flags, _requests, _audit, _time) = (options, catalogue, registry, flagStores, requests, audit, timeProvider);
        _logger = logger ?? NullLogger<OpsDesk>.Instance;
    }

    /// <summary>The flags in force, from the first store that holds any (an empty table when none does).</summary>
    public async Task<OpsFlagTable> FlagsAsync(CancellationToken cancellationToken)
    {
        foreach (IOpsFlagStore store in _flags.Reverse())
        {
            if (await store.ReadAsync(cancellationToken).ConfigureAwait(false) is { } table)
            {
                return table;
            }
        }

        return OpsFlagTable.Empty;
    }

    /// <summary>Halts a scope: <see cref="HaltLevel.Soft"/> stops new entries, <see cref="HaltLevel.Hard"/> every signal. Flags only ever become more restrictive.</summary>
    /// <exception cref="OperationRefusedException">The role, the scope or the reason is not valid.</exception>
    public Task<OpsResult> HaltAsync(OpsScope scope, HaltLevel level, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        OpsFlags flags = level switch
        {
            HaltLevel.Soft => OpsFlags.Normal with { SoftHalt = true },
            HaltLevel.Hard => OpsFlags.Normal with { HardHalt = true },
            _ => throw new OperationRefusedException(OpsRefusal.Invalid, $"level must be soft or hard, not {level}."),
        };
        string name = level == HaltLevel.Soft ? "soft" : "hard";
        return RaiseAsync(OpsActions.Halt, scope, flags, $"level={name}", $"{name} halt", reason, by, cancellationToken);
    }

    /// <summary>Flattens a scope: open positions exit at the next open, no new entries.</summary>
    /// <exception cref="OperationRefusedException">The role, the scope or the reason is not valid.</exception>
    public Task<OpsResult> FlattenAsync(OpsScope scope, string reason, OperatorIdentity by, CancellationToken cancellationToken) =>
        RaiseAsync(OpsActions.Flatten, scope, OpsFlags.Normal with { Flatten = true }, "", "flatten", reason, by, cancellationToken);

    /// <summary>
    /// One approver's resume of a scope. The first approver's call records a pending request; a second, distinct
    /// approver's identical call (same scope and leverage scale, within the approval window) applies it: every flag entry
    /// within the scope is cleared and the scope's own entry keeps only <paramref name="leverageScale"/> when below 1 (a
    /// canary resume; resume again with 1 for full size).
    /// </summary>
    /// <exception cref="OperationRefusedException">The role, the scope, the scale or the reason is not valid; or the same approver votes twice.</exception>
    public async Task<OpsResult> ResumeAsync(OpsScope scope, double leverageScale, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = Payload(OpsActions.Resume, scope.ToString(), string.Create(CultureInfo.InvariantCulture, $"leverage_scale={leverageScale:R}"), reason);
        await CheckAsync(OpsActions.Resume, scope.ToString(), reason, payload, by, cancellationToken).ConfigureAwait(false);
        await CheckScopeAsync(OpsActions.Resume, scope, reason, payload, by, cancellationToken).ConfigureAwait(false);
        if (leverageScale is not (> 0 and <= 1))
        {
            throw await RefuseAsync(OpsActions.Resume, scope.ToString(), reason, payload, by, OpsRefusal.Invalid, $"leverage_scale must be in (0, 1], not {leverageScale.ToString(CultureInfo.InvariantCulture)}.", cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset now = _time.GetUtcNow();
        var request = new OpsRequest(Guid.CreateVersion7(now), OpsActions.Resume, scope, leverageScale, reason, by, now, OpsRequestStatus.Pending, null, null);
        OpsVote vote = await _requests.VoteAsync(request, now - _options.ResumeApprovalWindow, cancellationToken).ConfigureAwait(false);
        if (vote.Repeated)
        {
            throw await RefuseAsync(
                OpsActions.Resume, scope.ToString(), reason, payload, by, OpsRefusal.Conflict,
                $"{by.Name} already asked to resume {scope} (request {vote.Request.Id}); a second, distinct approver must confirm it.", cancellationToken).ConfigureAwait(false);
        }

        if (!vote.Approved)
        {
            string waiting = $"Resume of {scope} recorded (request {vote.Request.Id}); it applies when a second approver confirms it within {_options.ResumeApprovalWindow.TotalMinutes:0} minutes.";
            long pendingId = await AppendAsync(OpsActions.Resume, scope.ToString(), reason, payload, by, AuditOutcome.Pending, waiting, cancellationToken).ConfigureAwait(false);
            return new OpsResult(OpsActions.Resume, scope.ToString(), AuditOutcome.Pending, waiting, vote.Request.Id, pendingId);
        }

        OpsFlags remaining = OpsFlags.Normal with { LeverageScale = leverageScale };
        string actor = $"{OpsActions.Resume} by {vote.Request.RequestedBy.Name} and {by.Name}: {reason}";
        await WriteFlagsAsync(OpsActions.Resume, scope, reason, payload, by, (store, ct) => store.ResetAsync(scope.ModelId, scope.PairId, remaining, actor, ct), cancellationToken).ConfigureAwait(false);
        string message = leverageScale < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{scope} resumed by {vote.Request.RequestedBy.Name} and {by.Name} at leverage scale {leverageScale:R} (canary).")
            : $"{scope} resumed by {vote.Request.RequestedBy.Name} and {by.Name}.";
        long auditId = await AppendAsync(OpsActions.Resume, scope.ToString(), reason, payload, by, AuditOutcome.Applied, message, cancellationToken).ConfigureAwait(false);
        return new OpsResult(OpsActions.Resume, scope.ToString(), AuditOutcome.Applied, message, vote.Request.Id, auditId);
    }

    /// <summary>Repoints a model's deployed version to the one deployed before it (through the registry, audited there too).</summary>
    /// <exception cref="OperationRefusedException">The role, the model or the reason is not valid; or there is nothing to roll back to.</exception>
    public async Task<OpsResult> RollbackAsync(string modelId, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = Payload(OpsActions.Rollback, modelId, "", reason);
        await CheckAsync(OpsActions.Rollback, modelId, reason, payload, by, cancellationToken).ConfigureAwait(false);
        await CheckModelAsync(OpsActions.Rollback, modelId, reason, payload, by, cancellationToken).ConfigureAwait(false);
        ModelVersionState state;
        try
        {
            state = await _registry.RollbackAsync(modelId, by.ToRegistryActor(), reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IllegalTransitionException or ModelVersionNotFoundException)
        {
            throw await RefuseAsync(OpsActions.Rollback, modelId, reason, payload, by, OpsRefusal.Conflict, e.Message, cancellationToken).ConfigureAwait(false);
        }

        string message = $"{modelId} rolled back: {state.Version} is deployed.";
        long auditId = await AppendAsync(OpsActions.Rollback, modelId, reason, payload, by, AuditOutcome.Applied, message, cancellationToken).ConfigureAwait(false);
        return new OpsResult(OpsActions.Rollback, modelId, AuditOutcome.Applied, message, null, auditId);
    }

    /// <summary>Records a retrain request for the retraining service (<c>alpha retrain serve</c> takes it).</summary>
    /// <exception cref="OperationRefusedException">The role, the model or the reason is not valid.</exception>
    public async Task<OpsResult> RequestRetrainAsync(string modelId, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = Payload(OpsActions.Retrain, modelId, "", reason);
        await CheckAsync(OpsActions.Retrain, modelId, reason, payload, by, cancellationToken).ConfigureAwait(false);
        await CheckModelAsync(OpsActions.Retrain, modelId, reason, payload, by, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        var request = new OpsRequest(Guid.CreateVersion7(now), OpsActions.Retrain, new OpsScope(modelId, OpsFlagTable.Any), null, reason, by, now, OpsRequestStatus.Pending, null, null);
        await _requests.AddAsync(request, cancellationToken).ConfigureAwait(false);
        string message = $"Retrain of {modelId} requested (request {request.Id}).";
        long auditId = await AppendAsync(OpsActions.Retrain, modelId, reason, payload, by, AuditOutcome.Pending, message, cancellationToken).ConfigureAwait(false);
        return new OpsResult(OpsActions.Retrain, modelId, AuditOutcome.Pending, message, request.Id, auditId);
    }

    /// <summary>Records that an operator was refused an action for their role (an API's authorization does this).</summary>
    public ValueTask<long> RecordDeniedAsync(string action, string target, OperatorIdentity by, string payloadSha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return _audit.AppendAsync(Record(action, target, null, payloadSha256, by, AuditOutcome.Denied, $"{OperatorRoles.Name(by.Role)} may not {action}."), cancellationToken);
    }

    /// <summary>Lowercase hex SHA-256 of a request's canonical payload.</summary>
    public static string PayloadHash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    private async Task<OpsResult> RaiseAsync(string action, OpsScope scope, OpsFlags flags, string parameters, string what, string reason, OperatorIdentity by, CancellationToken cancellationToken)
    {
        string payload = Payload(action, scope.ToString(), parameters, reason);
        await CheckAsync(action, scope.ToString(), reason, payload, by, cancellationToken).ConfigureAwait(false);
        await CheckScopeAsync(action, scope, reason, payload, by, cancellationToken).ConfigureAwait(false);
        string actor = $"{action} by {by.Name}: {reason}";
        await WriteFlagsAsync(action, scope, reason, payload, by, (store, ct) => store.RaiseAsync(scope.ModelId, scope.PairId, flags, actor, ct), cancellationToken).ConfigureAwait(false);
        string message = $"{what} on {scope} by {by.Name}.";
        long auditId = await AppendAsync(action, scope.ToString(), reason, payload, by, AuditOutcome.Applied, message, cancellationToken).ConfigureAwait(false);
        return new OpsResult(action, scope.ToString(), AuditOutcome.Applied, message, null, auditId);
    }

    private async Task WriteFlagsAsync(string action, OpsScope scope, string reason, string payload, OperatorIdentity by, Func<IOpsFlagStore, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (IOpsFlagStore store in _flags)
        {
            try
            {
                await write(store, cancellationToken).ConfigureAwait(false);
                written.Add(store.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStoreFailed(_logger, action, scope.ToString(), store.Name, e);
                string detail = written.Count == 0
                    ? $"The {store.Name} flag store failed ({e.GetType().Name}); nothing was changed. Retry when it is back."
                    : $"Written to {string.Join(", ", written)}; the {store.Name} flag store failed ({e.GetType().Name}). Retry: the operation is idempotent.";
                await TryAppendAsync(Record(action, scope.ToString(), reason, PayloadHash(payload), by, AuditOutcome.Failed, detail)).ConfigureAwait(false);
                throw;
            }
        }
    }

    private async ValueTask CheckAsync(string action, string target, string reason, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (OpsActions.RoleProblem(action, by) is { } forbidden)
        {
            await RecordDeniedAsync(action, target, by, PayloadHash(payload), cancellationToken).ConfigureAwait(false);
            throw new OperationRefusedException(OpsRefusal.Forbidden, forbidden);
        }

        if (_options.ReasonProblem(reason) is { } invalid)
        {
            throw await RefuseAsync(action, target, null, payload, by, OpsRefusal.Invalid, invalid, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CheckScopeAsync(string action, OpsScope scope, string reason, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        bool known = _catalogue.Models.Any(m => scope.Covers(m.ModelId, m.PairId));
        if (!known)
        {
            throw await RefuseAsync(
                action, scope.ToString(), reason, payload, by, OpsRefusal.NotFound,
                $"No catalogue model matches model '{scope.ModelId}' and pair '{scope.PairId}' (use * for every model or pair).", cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CheckModelAsync(string action, string modelId, string reason, string payload, OperatorIdentity by, CancellationToken cancellationToken)
    {
        if (_catalogue.Find(modelId) is null)
        {
            throw await RefuseAsync(action, modelId, reason, payload, by, OpsRefusal.NotFound, $"'{modelId}' is not a model of the catalogue.", cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<OperationRefusedException> RefuseAsync(string action, string target, string? reason, string payload, OperatorIdentity by, OpsRefusal refusal, string message, CancellationToken cancellationToken)
    {
        _ = await AppendAsync(action, target, reason, payload, by, AuditOutcome.Refused, message, cancellationToken).ConfigureAwait(false);
        return new OperationRefusedException(refusal, message);
    }

    private ValueTask<long> AppendAsync(string action, string target, string? reason, string payload, OperatorIdentity by, AuditOutcome outcome, string detail, CancellationToken cancellationToken) =>
        _audit.AppendAsync(Record(action, target, reason, PayloadHash(payload), by, outcome, detail), cancellationToken);

    // Request text is escaped (AuditText): a NUL in a fuzzed model id must not cost the record.
    private AuditRecord Record(string action, string target, string? reason, string payloadSha256, OperatorIdentity by, AuditOutcome outcome, string detail) =>
        new(_time.GetUtcNow(), by.Name, by.Role, action, AuditText.Escape(target), AuditText.EscapeOrNull(reason), payloadSha256, outcome, AuditText.Escape(detail));

    private async Task TryAppendAsync(AuditRecord record)
    {
        try
        {
            _ = await _audit.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAuditFailed(_logger, record.Action, record.Target, e);
        }
    }

    private static string Payload(string action, string target, string parameters, string? reason) => $"{action}\n{target}\n{parameters}\n{reason}";

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} on {Target}: the {Store} flag store failed")]
    private static partial void LogStoreFailed(ILogger logger, string action, string target, string store, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} on {Target}: the failure could not be audited")]
    private static partial void LogAuditFailed(ILogger logger, string action, string target, Exception exception);
}
