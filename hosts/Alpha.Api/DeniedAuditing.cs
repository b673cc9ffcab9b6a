using Alpha.Operations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Alpha.Api;

/// <summary>
/// Records in the audit log (configuration actions in the configuration audit log) every authenticated call to an audited operation that the caller's role forbids, then
/// answers as usual (403). Calls without valid credentials are answered 401 and not recorded (they are no one's operation).
/// </summary>
internal sealed class DeniedAuditing(OpsDesk desk, ConfigDesk configs) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && OperatorClaims.From(context.User) is { } caller
            && context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is { } audited)
        {
            string target = context.Request.Path.Value ?? "";
            string payload = OpsDesk.PayloadHash($"{context.Request.Method} {target}");
            _ = audited.Action.StartsWith("configs.", StringComparison.Ordinal)
                ? await configs.RecordDeniedAsync(audited.Action, target, caller, payload, context.RequestAborted)
                : await desk.RecordDeniedAsync(audited.Action, target, caller, payload, context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
