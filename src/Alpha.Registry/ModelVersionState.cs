namespace Alpha.Registry;

/// <summary>A registered version's current status, derived from its model id's events.</summary>
/// <param name="ModelId">The model id (scope).</param>
/// <param name="Version">The version.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Since">When it moved to <paramref name="Status"/> (UTC).</param>
/// <param name="ChecksumsDigest">SHA-256 of its <c>checksums.json</c> when it was registered.</param>
/// <param name="Record">Its catalogue row.</param>
public sealed record ModelVersionState(string ModelId, string Version, ModelStatus Status, DateTimeOffset Since, string ChecksumsDigest, ModelVersionRecord? Record);
