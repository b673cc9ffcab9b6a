using Alpha.Registry;

namespace Alpha.Training;

/// <summary>Opens a stored version for offline use only after its checksums verify.</summary>
internal static class VerifiedFolder
{
    /// <summary>Verifies a version folder's checksums.</summary>
    /// <exception cref="ModelVerificationException">A checksum does not verify (the message lists the problems).</exception>
    public static ModelVerification Ensure(string folder)
    {
        ModelVerification check = ModelStore.Verify(folder);
        return check.IsValid ? check : throw new ModelVerificationException(check);
    }
}
