namespace Alpha.Registry;

/// <summary>What a version's <c>signature.json</c> proved.</summary>
public enum SignatureStatus
{
    /// <summary>There is no <c>signature.json</c> (an unsigned version).</summary>
    Missing,

    /// <summary>The signature verifies with a trusted key.</summary>
    Valid,

    /// <summary>The signature names a key the trust does not hold.</summary>
    UnknownKey,

    /// <summary>The signature is malformed or does not verify: the checksums, <c>run.json</c> or the signature were altered.</summary>
    Invalid,
}
