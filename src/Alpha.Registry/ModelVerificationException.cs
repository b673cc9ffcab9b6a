using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>A model version folder does not verify against its <c>checksums.json</c> or its signature; nothing of it was used.</summary>
public sealed class ModelVerificationException : IOException
{
    /// <summary>Creates the exception from a failed verification.</summary>
    /// <param name="verification">The verification with its problems.</param>
    public ModelVerificationException(ModelVerification verification)
        : base($"Model {verification?.Version} does not verify: {string.Join(" ", verification?.Problems ?? [])}")
    {
        ArgumentNullException.ThrowIfNull(verification);
        Version = verification.Version;
        Problems = verification.Problems;
        Signature = verification.Signature;
    }

    /// <summary>The version's folder name.</summary>
    public string Version { get; }

    /// <summary>Each missing, extra or altered file, and a refused signature.</summary>
    public ImmutableArray<string> Problems { get; }

    /// <summary>What the signature check found.</summary>
    public SignatureStatus Signature { get; }
}
