namespace Alpha.Registry;

/// <summary>A version folder that verified (checksums, signature, and the checksums registered for it) and may be loaded.</summary>
/// <param name="Folder">The version folder in the models folder.</param>
/// <param name="Verification">The verification that passed.</param>
/// <param name="RestoredFromBackup">Whether the folder was missing or corrupted and was restored from the backup root first.</param>
public sealed record VerifiedVersion(string Folder, ModelVerification Verification, bool RestoredFromBackup);
