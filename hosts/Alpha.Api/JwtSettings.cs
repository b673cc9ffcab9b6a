using Alpha.Hosting;

namespace Alpha.Api;

/// <summary>
/// JWT bearer tokens (HMAC-SHA-256): issuer, audience and a signing key of at least 32 bytes (base64). The token's
/// <c>sub</c> is the operator's name, its <c>role</c> claim one of viewer, editor, approver, admin.
/// </summary>
internal sealed record JwtSettings(string Issuer, string Audience, byte[] SigningKey)
{
    /// <summary>The settings, or null when none of the three keys is set; all three or none.</summary>
    public static JwtSettings? Read(HostSettings jwt)
    {
        (string? issuer, string? audience, string? key) = (jwt.Optional("Issuer"), jwt.Optional("Audience"), jwt.Optional("SigningKey"));
        if (issuer is null && audience is null && key is null)
        {
            return null;
        }

        if (issuer is null || audience is null || key is null)
        {
            throw jwt.Problem(jwt.Name(issuer is null ? "Issuer" : audience is null ? "Audience" : "SigningKey"), "JWT needs Issuer, Audience and SigningKey together.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key);
        }
        catch (FormatException)
        {
            throw jwt.Problem(jwt.Name("SigningKey"), "is not base64.");
        }

        return bytes.Length >= 32 ? new JwtSettings(issuer, audience, bytes) : throw jwt.Problem(jwt.Name("SigningKey"), $"must be at least 32 bytes, not {bytes.Length}.");
    }
}
