using System.Text.Encodings.Web;
using Alpha.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Alpha.Api;

/// <summary>
/// Authenticates an API key from <c>X-Api-Key: alpha_…</c> or <c>Authorization: ApiKey alpha_…</c>. No key: no result
/// (401 where a role is required); a key that is malformed, unknown, revoked or wrong: a failure (401). The key is never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = Request.Headers[Header] is { Count: 1 } header ? header.ToString() : null;
        if (presented is null && Request.Headers.Authorization is { Count: 1 } authorization
            && authorization.ToString() is { } value && value.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            presented = value[(SchemeName.Length + 1)..].Trim();
        }

        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        OperatorIdentity? identity = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        return identity is null
            ? AuthenticateResult.Fail("The API key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(OperatorClaims.Principal(identity, SchemeName), SchemeName));
    }
}
