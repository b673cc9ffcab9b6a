using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Alpha.Operations;

/// <summary>
/// API keys: <c>alpha_{key id}_{secret}</c>, the id 12 hex digits (6 random bytes, how a key is found), the secret 32
/// random bytes in base64url (how it is proven). Stored as a salted HMAC-SHA-256 (<see cref="ApiKeyRecord"/>) and
/// compared in constant time. Keys come from the operating system's cryptographic generator — the one randomness in
/// this package that must never be seeded.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "alpha_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;

    /// <summary>Makes a key.</summary>
    /// <param name="name">Whose key it is: 1–64 of letters, digits, <c>._@-</c>.</param>
    /// <param name="role">What it may do.</param>
    /// <param name="createdBy">Who makes it.</param>
    /// <param name="now">The time of making it (UTC).</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public static NewApiKey Create(string name, OperatorRole role, string createdBy, DateTimeOffset now)
    {
        EnsureValidName(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        _ = OperatorRoles.Name(role);
        string keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        string secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var record = new ApiKeyRecord(keyId, name, role, [.. salt], [.. Hash(salt, secret)], now, createdBy, null);
        return new NewApiKey($"{Prefix}{keyId}_{secret}", record);
    }

    /// <summary>Splits a presented key into its id and secret.</summary>
    /// <returns>False when it does not have the shape of a key (nothing is looked up then).</returns>
    public static bool TryParse(string? presented, out string keyId, out string secret)
    {
        (keyId, secret) = ("", "");
        if (presented is null || presented.Length != Prefix.Length + (2 * IdBytes) + 1 + 43 || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented[Prefix.Length + (2 * IdBytes)] != '_')
        {
            return false;
        }

        string id = presented.Substring(Prefix.Length, 2 * IdBytes);
        string rest = presented[(Prefix.Length + (2 * IdBytes) + 1)..];
        if (!id.All(char.IsAsciiHexDigitLower) || !Base64Url.IsValid(rest, out int decoded) || decoded != SecretBytes)
        {
            return false;
        }

        (keyId, secret) = (id, rest);
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> is the secret of <paramref name="record"/> (constant time).</summary>
    public static bool Matches(ApiKeyRecord record, string secret)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secret);
        return record.Salt.Length == SaltBytes && CryptographicOperations.FixedTimeEquals(Hash([.. record.Salt], secret), record.Hash.AsSpan());
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid key name.</summary>
    /// <exception cref="ArgumentException">Empty, longer than 64 characters, or a character other than letters, digits and <c>._@-</c>.</exception>
    public static void EnsureValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '-'))
        {
            throw new ArgumentException($"A key's name is 1 to 64 letters, digits or ._@- characters, not '{name}'.", nameof(name));
        }
    }

    private static byte[] Hash(byte[] salt, string secret) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret));
}
