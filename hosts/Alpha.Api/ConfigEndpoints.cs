using System.Collections.Immutable;
using Alpha.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alpha.Api;

/// <summary>
/// <c>/api/v1/configs</c>: the policy files' change workflow — validate, propose, approve (two approvers for high-risk
/// keys), apply, roll back — role-checked and audited in <c>audit.config_changes</c>; the current files, the changes and
/// their trail.
/// </summary>
internal static class ConfigEndpoints
{
    public static RouteGroupBuilder MapConfigs(this RouteGroupBuilder api)
    {
        RouteGroupBuilder configs = api.MapGroup("/configs").WithTags("configs")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        configs.MapGet("/", ListAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Configuration changes, newest first; optionally of one status (proposed, approved, applied, rolled_back).");
        configs.MapGet("/files", Files).RequireRole(OperatorRole.Viewer)
            .WithSummary("The policy files as they are now, with their SHA-256.");
        configs.MapGet("/audit", AuditAsync).RequireRole(OperatorRole.Approver)
            .WithSummary("The newest configuration audit records, optionally of one change.");
        configs.MapPost("/validate", ValidateAsync).RequireOperation(OpsActions.ConfigValidate).ProducesMutationProblems()
            .WithSummary("Checks proposed files or values with the retrain flow's binding, and shows what they change. Editor.");
        configs.MapPost("/propose", ProposeAsync).RequireOperation(OpsActions.ConfigPropose).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Proposes a change (whole files, values to set, or both); it must validate. Editor.");
        configs.MapGet("/{id:guid}", GetAsync).RequireRole(OperatorRole.Viewer).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One change: its diff, approvals and status.");
        configs.MapPost("/{id:guid}/approve", ApproveAsync).RequireOperation(OpsActions.ConfigApprove).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("One approver's approval (not the proposer's); high-risk changes need two distinct approvers. Approver.");
        configs.MapPost("/{id:guid}/apply", ApplyAsync).RequireOperation(OpsActions.ConfigApply).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Writes an approved change to the files (each replaced atomically) if none changed since the proposal. Approver.");
        configs.MapPost("/{id:guid}/rollback", RollbackAsync).RequireOperation(OpsActions.ConfigRollback).RequireRateLimiting(RateLimits.Mutating).ProducesMutationProblems()
            .WithSummary("Restores the files an applied change replaced, if none changed since. Approver.");
        return configs;
    }

    private static async Task<Results<Ok<ConfigChange[]>, ProblemHttpResult>> ListAsync(string? status, int? limit, ConfigDesk desk, CancellationToken cancellationToken)
    {
        ConfigChangeStatus? wanted = null;
        if (QueryText.Optional(nameof(status), status) is { } name)
        {
            if (!ConfigChangeStatuses.TryParse(name, out ConfigChangeStatus parsed))
            {
                return Problems.BadRequest($"status must be proposed, approved, applied or rolled_back, not '{name}'.");
            }

            wanted = parsed;
        }

        return limit is < 1 or > 1000
            ? Problems.BadRequest($"limit must be in [1, 1000], not {limit}.")
            : TypedResults.Ok((await desk.ListAsync(wanted, limit ?? 100, cancellationToken)).ToArray());
    }

    private static Ok<ConfigFile[]> Files(ConfigDesk desk) => TypedResults.Ok(desk.Files().ToArray());

    private static async Task<Results<Ok<ConfigAuditEntry[]>, ProblemHttpResult>> AuditAsync(Guid? change, int? limit, ConfigDesk desk, CancellationToken cancellationToken) =>
        limit is < 1 or > 1000
            ? Problems.BadRequest($"limit must be in [1, 1000], not {limit}.")
            : TypedResults.Ok((await desk.HistoryAsync(change, limit ?? 100, cancellationToken)).ToArray());

    private static async Task<Ok<ConfigValidation>> ValidateAsync(ConfigRequest request, HttpContext context, ConfigDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ValidateAsync(request.ToProposal(), OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Created<ConfigChange>> ProposeAsync(ConfigRequest request, HttpContext context, ConfigDesk desk, CancellationToken cancellationToken)
    {
        ConfigChange change = await desk.ProposeAsync(request.ToProposal(), request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken);
        return TypedResults.Created($"/api/v1/configs/{change.Id}", change);
    }

    private static async Task<Results<Ok<ConfigChange>, ProblemHttpResult>> GetAsync(Guid id, ConfigDesk desk, CancellationToken cancellationToken) =>
        await desk.FindAsync(id, cancellationToken) is { } change ? TypedResults.Ok(change) : Problems.NotFound($"No configuration change has id {id}.");

    private static async Task<Ok<ConfigChange>> ApproveAsync(Guid id, HttpContext context, ConfigDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ApproveAsync(id, OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Ok<ConfigChange>> ApplyAsync(Guid id, HttpContext context, ConfigDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ApplyAsync(id, OperatorClaims.Require(context.User), cancellationToken));

    private static async Task<Ok<ConfigChange>> RollbackAsync(Guid id, ReasonRequest request, HttpContext context, ConfigDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.RollbackAsync(id, request.Reason ?? "", OperatorClaims.Require(context.User), cancellationToken));
}
