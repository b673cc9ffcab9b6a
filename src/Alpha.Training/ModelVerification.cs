using System.Collections.Immutable;

namespace Alpha.Training;

/// <summary>The result of checking a model version folder against its <c>checksums.json</c>.</summary>
/// <param name="Folder">The folder checked.</param>
/// <param name="Version">The version its name and <c>run.json</c> state.</param>
/// <param name="Problems">Each missing, extra or altered file, or a version that does not match the checksums; empty when valid.</param>
public sealed record ModelVerification(string Folder, string Version, ImmutableArray<string> Problems)
{
    /// <summary>Whether every file verifies.</summary>
    public bool IsValid => Problems.IsEmpty;
}
