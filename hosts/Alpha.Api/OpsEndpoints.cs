using System.Collections.Immutable;
using Alpha.Inference;
using Alpha.Operations;
using Alpha.Retraining;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alpha.Api;

/// <summary><c>/api/v1/ops</c>: halt, flatten, resume (two approvers), rollback, retrain — role-checked and audited — and the flags, pending requests, retrain runs and audit trail.</summary>
internal static class OpsEndpoints
{
    public static RouteGroupBuilder MapOps(this RouteGroupBuilder api)
    {
        RouteGroupBuilder ops = api.MapGroup("/ops").WithTags("ops")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        ops.MapPost("/halt", HaltAsync).RequireOperation(OpsActions.Halt).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Halts a scope: soft (no new entries) or hard (no signals). Approver.");
        ops.MapPost("/flatten", FlattenAsync).RequireOperation(OpsActions.Flatten).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Flattens a scope: exits at the next open, no new entries. Approver.");
        ops.MapPost("/resume", ResumeAsync).RequireOperation(OpsActions.Resume).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("One approver's resume of a scope: 202 until a second, distinct approver sends the same resume, then 200 and the scope's flags are cleared.");
        ops.MapPost("/rollback", RollbackAsync).RequireOperation(OpsActions.Rollback).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Repoints a model's deployed version to the previous one. Approver.");
        ops.MapPost("/retrain", RetrainAsync).RequireOperation(OpsActions.Retrain).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Asks the retraining service for a run of a model. Editor.");
        ops.MapGet("/retrain/runs", RetrainRunsAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("A model's retrain runs, newest first, and whether consecutive failures have disabled its scheduled and degradation retraining.");
        ops.MapGet("/flags", FlagsAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("The operator flags in force.");
        ops.MapGet("/requests", RequestsAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Pending requests: resumes waiting for a second approver, retrains waiting for the retraining service.");
        ops.MapGet("/audit", AuditAsync).RequireRole(OperatorRole.Approver)
            .WithSummary("The newest audit records, optionally of one action.");
        return ops;
    }

    private static async Task<Results<Ok<OpsResult>, Accepted<OpsResult>>> HaltAsync(HaltRequest request, HttpContext context, OpsDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.HaltAsync(Scope(request.Model, request.Pair), request.Level ?? HaltLevel.Soft, request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Results<Ok<OpsResult>, Accepted<OpsResult>>> FlattenAsync(ScopeRequest request, HttpContext context, OpsDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.FlattenAsync(Scope(request.Model, request.Pair), request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Results<Ok<OpsResult>, Accepted<OpsResult>>> ResumeAsync(ResumeRequest request, HttpContext context, OpsDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.ResumeAsync(Scope(request.Model, request.Pair), request.LeverageScale ?? 1.0, request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Results<Ok<OpsResult>, Accepted<OpsResult>>> RollbackAsync(ModelRequest request, HttpContext context, OpsDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.RollbackAsync(request.Model ?? "", request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Results<Ok<OpsResult>, Accepted<OpsResult>>> RetrainAsync(ModelRequest request, HttpContext context, OpsDesk desk, CancellationToken cancellationToken) =>
        Answer(await desk.RequestRetrainAsync(request.Model ?? "", request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Results<Ok<RetrainHistoryView>, ProblemHttpResult>> RetrainRunsAsync(
        string? model, int? limit, IRetrainRunStore runs, ServingConfig serving, CancellationToken cancellationToken)
    {
        if (QueryText.Optional(nameof(model), model) is not { } id)
        {
            return Problems.BadRequest("model is required: the model id whose retrain runs to show.");
        }

        if (limit is < 1 or > 1000)
        {
            return Problems.BadRequest($"limit must be in [1, 1000], not {limit}.");
        }

        // The streak is judged over the history the retraining service judges it by, whatever page is shown.
        ImmutableArray<RetrainRun> history = await runs.RecentAsync(id, Math.Max(limit ?? 50, RetrainHistory.Depth), cancellationToken);
        int failures = RetrainHistory.ConsecutiveFailures(history), disableAfter = serving.Retraining.DisableAfterFailures;
        return TypedResults.Ok(new RetrainHistoryView(id, failures, disableAfter, failures >= disableAfter, [.. history.Take(limit ?? 50)]));
    }

    private static async Task<Ok<FlagEntry[]>> FlagsAsync(OpsDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(FlagEntry.Of(await desk.FlagsAsync(cancellationToken)).ToArray());

    private static async Task<Ok<OpsRequest[]>> RequestsAsync(IOpsRequestStore requests, CancellationToken cancellationToken) =>
        TypedResults.Ok((await requests.PendingAsync(null, cancellationToken)).ToArray());

    private static async Task<Results<Ok<AuditEntry[]>, ProblemHttpResult>> AuditAsync(string? action, int? limit, IAuditLog audit, CancellationToken cancellationToken) =>
        limit is < 1 or > 1000
            ? Problems.BadRequest($"limit must be in [1, 1000], not {limit}.")
            : TypedResults.Ok((await audit.RecentAsync(QueryText.Optional(nameof(action), action), limit ?? 100, cancellationToken)).ToArray());

    private static OpsScope Scope(string? model, string? pair) =>
        new(string.IsNullOrEmpty(model) ? OpsFlagTable.Any : model, string.IsNullOrEmpty(pair) ? OpsFlagTable.Any : pair);

    private static Results<Ok<OpsResult>, Accepted<OpsResult>> Answer(OpsResult result) =>
        result.Outcome == AuditOutcome.Pending ? TypedResults.Accepted((string?)null, result) : TypedResults.Ok(result);
}
