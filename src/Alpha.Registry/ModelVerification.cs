using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>The result of checking a model version folder against its <c>checksums.json</c> and its signature.</summary>
/// <param name="Folder">The folder checked.</param>
/// <param name="Version">The version its name states.</param>
/// <param name="Problems">Each missing, extra or altered file, a version that does not match the checksums, or a signature the trust refuses; empty when the version may be used.</param>
/// <param name="Signature">What the signature check found.</param>
/// <param name="KeyId">The key id <c>signature.json</c> names; <see langword="null"/> without a readable signature.</param>
public sealed record ModelVerification(string Folder, string Version, ImmutableArray<string> Problems, SignatureStatus Signature, string? KeyId)
{
    /// <summary>Whether the version may be used: every file verifies and the signature satisfies the trust.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>SHA-256 (64 lowercase hex digits) of the <c>checksums.json</c> bytes; <see langword="null"/> when it is missing or unreadable.</summary>
    public string? ChecksumsDigest { get; init; }
}
