using Alpha.Operations;
using Microsoft.AspNetCore.Authorization;

namespace Alpha.Api;

/// <summary>One authorization policy per role, named after it: the caller's role must be at least that role (viewer &lt; editor &lt; approver &lt; admin).</summary>
internal static class RolePolicies
{
    public static string Name(OperatorRole role) => OperatorRoles.Name(role);

    public static void Add(AuthorizationOptions options)
    {
        foreach (OperatorRole role in Enum.GetValues<OperatorRole>())
        {
            options.AddPolicy(Name(role), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => OperatorClaims.From(context.User)?.Has(role) == true));
        }
    }

    /// <summary>Requires <paramref name="role"/>.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, OperatorRole role)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Name(role));

    /// <summary>Requires the least role of an audited operation (<see cref="OpsActions.RequiredRole"/>) and marks the endpoint audited.</summary>
    public static TBuilder RequireOperation<TBuilder>(this TBuilder builder, string action)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name(OpsActions.RequiredRole[action])).WithMetadata(new AuditedAction(action));
}
