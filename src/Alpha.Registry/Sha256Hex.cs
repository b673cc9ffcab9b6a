namespace Alpha.Registry;

/// <summary>The SHA-256 digests the registry records: 64 lowercase hex digits.</summary>
internal static class Sha256Hex
{
    public static bool IsValid(string? hash) => hash is { Length: 64 } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
