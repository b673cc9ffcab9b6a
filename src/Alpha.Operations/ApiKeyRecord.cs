using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>
/// A stored API key: never the key itself, only a random salt and HMAC-SHA-256(salt, secret), so a leaked table does not
/// reveal a usable key.
/// </summary>
/// <param name="KeyId">The key's public identifier (12 lowercase hex digits), the part of the key before its secret.</param>
/// <param name="Name">Whose key it is (1–64 of letters, digits, <c>._@-</c>); the operator's name in audit records.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="Salt">16 random bytes.</param>
/// <param name="Hash">HMAC-SHA-256 of the secret under <paramref name="Salt"/> (32 bytes).</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="RevokedAt">When it was revoked, or null while it is valid.</param>
public sealed record ApiKeyRecord(
    string KeyId,
    string Name,
    OperatorRole Role,
    ImmutableArray<byte> Salt,
    ImmutableArray<byte> Hash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt);
