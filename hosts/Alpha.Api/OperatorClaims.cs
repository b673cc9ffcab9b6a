using System.Security.Claims;
using Alpha.Operations;

namespace Alpha.Api;

/// <summary>The claims an authenticated caller carries, whatever proved it (API key or JWT): its name and its role.</summary>
internal static class OperatorClaims
{
    public const string Name = "sub";
    public const string Role = "role";

    public static ClaimsPrincipal Principal(OperatorIdentity identity, string scheme) =>
        new(new ClaimsIdentity([new Claim(Name, identity.Name), new Claim(Role, OperatorRoles.Name(identity.Role))], scheme, Name, Role));

    /// <summary>The caller, or null when it is not authenticated or its role claim is not a role.</summary>
    public static OperatorIdentity? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirst(Name)?.Value is { Length: > 0 and <= 128 } name
        && OperatorRoles.TryParse(user.FindFirst(Role)?.Value, out OperatorRole role)
            ? new OperatorIdentity(name, role)
            : null;

    /// <summary>The caller of an endpoint that requires authentication.</summary>
    public static OperatorIdentity Require(ClaimsPrincipal user) =>
        From(user) ?? throw new InvalidOperationException("The endpoint ran without an authenticated operator: its authorization policy is missing.");
}
